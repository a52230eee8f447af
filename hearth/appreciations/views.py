from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.appreciations import access, services
from hearth.appreciations.forms import AppreciationForm, GiveForm
from hearth.spaces.context import Here, here_for


def _audience(here: Here) -> str:
    names = [name for _, name in here.others]
    if not names:
        return "Only you, for now: when someone joins this space, they will see it too."
    if len(names) == 1:
        return f"Everyone in this space sees appreciations: {names[0]} and you."
    return f"Everyone in this space sees appreciations: {', '.join(names)} and you."


@login_required
@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    page, items = access.feed_page(here, request.GET.get("page"))
    return render(request, "appreciations/feed.html", {"page": page, "items": items})


@login_required
@require_http_methods(["GET", "POST"])
def give(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    context: dict[str, object] = {"audience": _audience(here)}
    if request.method == "POST":
        form = GiveForm(request.POST, others=here.others)
        if form.is_valid():
            try:
                item = services.appreciation_give(
                    here=here,
                    recipient_id=form.recipient_id(),
                    what=form.cleaned_data["what"],
                    why=form.cleaned_data["why"],
                )
            except services.AppreciationError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Your appreciation is in the space's feed.")
                return HttpResponseRedirect(reverse("appreciations:detail", args=[item.pk]))
        context["form"] = form
        return render(request, "appreciations/form.html", context, status=400)
    context["form"] = GiveForm(others=here.others)
    return render(request, "appreciations/form.html", context)


@login_required
@require_GET
def detail(request: HttpRequest, appreciation_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    item = access.appreciation_get_for_member(here, appreciation_id)
    return render(
        request,
        "appreciations/detail.html",
        {
            "item": access.appreciation_view(here, item),
            "history": here.earlier_versions(item),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, appreciation_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    item = access.appreciation_get_own(here, appreciation_id)
    if item.withdrawn_at is not None:
        messages.info(request, "This appreciation was withdrawn, so it can no longer change.")
        return HttpResponseRedirect(reverse("appreciations:detail", args=[item.pk]))
    view = access.appreciation_view(here, item)
    context: dict[str, object] = {"item": view, "audience": _audience(here)}
    if request.method == "POST":
        form = AppreciationForm(request.POST)
        if form.is_valid():
            try:
                services.appreciation_edit(
                    here=here,
                    appreciation=item,
                    what=form.cleaned_data["what"],
                    why=form.cleaned_data["why"],
                )
            except services.AppreciationError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Saved. The earlier wording stays in its history.")
                return HttpResponseRedirect(reverse("appreciations:detail", args=[item.pk]))
        context["form"] = form
        return render(request, "appreciations/edit.html", context, status=400)
    context["form"] = AppreciationForm(initial={"what": view.what, "why": view.why})
    return render(request, "appreciations/edit.html", context)


@login_required
@require_POST
def withdraw(request: HttpRequest, appreciation_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    item = access.appreciation_get_own(here, appreciation_id)
    services.appreciation_withdraw(here=here, appreciation=item)
    messages.success(request, "Withdrawn. It is no longer in the space's feed.")
    return HttpResponseRedirect(reverse("appreciations:feed"))


@login_required
@require_POST
def heart(request: HttpRequest, appreciation_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    item = access.appreciation_get_for_member(here, appreciation_id)
    try:
        services.heart_toggle(here=here, appreciation=item)
    except services.AppreciationError as exc:
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(str(exc), status=400)
        messages.error(request, str(exc))
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request, "appreciations/_hearts.html", {"item": access.appreciation_view(here, item)}
        )
    back = request.POST.get("next", "")
    if not back.startswith("/appreciations/"):
        back = reverse("appreciations:detail", args=[item.pk])
    return HttpResponseRedirect(back)
