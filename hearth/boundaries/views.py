from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.boundaries import access, services
from hearth.boundaries.forms import BoundaryForm, MomentForm
from hearth.boundaries.models import MomentKind
from hearth.front.actions import carry_out
from hearth.spaces.context import here_for


def _to_detail(boundary_id: uuid.UUID) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("boundaries:detail", args=[boundary_id]))


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    groups, retired = access.my_boundaries(here)
    return render(request, "boundaries/mine.html", {"groups": groups, "retired": retired})


@login_required
@require_GET
def shared(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    return render(request, "boundaries/shared.html", {"people": access.space_boundaries(here)})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    if request.method == "POST":
        form = BoundaryForm(request.POST)
        if form.is_valid():
            try:
                boundary = services.boundary_create(
                    here=here,
                    area=form.cleaned_data["area"],
                    what=form.cleaned_data["what"],
                    why=form.cleaned_data["why"],
                )
            except services.BoundaryError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Saved, just for you. Share it when you're ready.")
                return _to_detail(boundary.pk)
        return render(request, "boundaries/form.html", {"form": form}, status=400)
    return render(request, "boundaries/form.html", {"form": BoundaryForm()})


@login_required
@require_GET
def detail(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_for_member(here, boundary_id)
    view = access.boundary_view(here, boundary)
    kinds = [MomentKind.HONOURED, MomentKind.CROSSED_INVITE] if view.shared else []
    return render(
        request,
        "boundaries/detail.html",
        {
            "b": view,
            "moments": access.moments_of(here, boundary),
            "history": here.earlier_versions(boundary),
            "has_others": bool(here.others),
            "kinds": kinds,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_own(here, boundary_id)
    if boundary.retired_at is not None:
        messages.info(request, "This boundary is retired, so it can no longer change.")
        return _to_detail(boundary.pk)
    view = access.boundary_view(here, boundary)
    context: dict[str, object] = {"b": view}
    if request.method == "POST":
        form = BoundaryForm(request.POST)
        if form.is_valid():
            try:
                services.boundary_edit(
                    here=here,
                    boundary=boundary,
                    area=form.cleaned_data["area"],
                    what=form.cleaned_data["what"],
                    why=form.cleaned_data["why"],
                )
            except services.BoundaryError as exc:
                form.add_error(None, str(exc))
            else:
                if boundary.was_shared:
                    messages.success(
                        request,
                        "Saved. The earlier version stays in its history, and anyone who "
                        "acknowledged it is asked to read it again.",
                    )
                else:
                    messages.success(request, "Saved.")
                return _to_detail(boundary.pk)
        context["form"] = form
        return render(request, "boundaries/form.html", context, status=400)
    context["form"] = BoundaryForm(initial={"area": view.area, "what": view.what, "why": view.why})
    return render(request, "boundaries/form.html", context)


@login_required
@require_POST
def share(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_own(here, boundary_id)
    carry_out(
        request,
        lambda: services.boundary_share(here=here, boundary=boundary),
        success="Shared with your space. You can make it private again anytime.",
        refused=services.BoundaryError,
    )
    return _to_detail(boundary.pk)


@login_required
@require_POST
def unshare(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_own(here, boundary_id)
    services.boundary_unshare(here=here, boundary=boundary)
    messages.success(request, "It is private again, from now on.")
    return _to_detail(boundary.pk)


@login_required
@require_POST
def retire(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_own(here, boundary_id)
    services.boundary_retire(here=here, boundary=boundary)
    messages.success(request, "Retired. It is private to you now, and kept in your list.")
    return HttpResponseRedirect(reverse("boundaries:mine"))


@login_required
@require_POST
def acknowledge(request: HttpRequest, boundary_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_for_member(here, boundary_id)
    try:
        services.boundary_acknowledge(here=here, boundary=boundary)
    except services.BoundaryError as exc:
        return render(
            request,
            "boundaries/refused.html",
            {"message": str(exc), "boundary_id": boundary.pk},
            status=400,
        )
    messages.success(request, "Thank you. They will see that you understand.")
    back = request.POST.get("next", "")
    if back == reverse("boundaries:shared"):
        return HttpResponseRedirect(back)
    return _to_detail(boundary.pk)


@login_required
@require_http_methods(["GET", "POST"])
def moment_new(request: HttpRequest, boundary_id: uuid.UUID, kind: str) -> HttpResponse:
    here = here_for(request)
    boundary = access.boundary_get_for_member(here, boundary_id)
    if kind not in MomentKind.values:
        raise Http404("No such kind of moment.")
    if kind != MomentKind.CROSSED_PRIVATE and (not boundary.is_shared or not here.others):
        raise Http404("Share this boundary first.")
    mine = boundary.owner_id == here.user.pk
    view = access.boundary_view(here, boundary)
    context: dict[str, object] = {"b": view, "kind": kind, "mine": mine}
    if request.method == "POST":
        form = MomentForm(request.POST, kind=kind, mine=mine, others=here.others)
        if form.is_valid():
            try:
                services.moment_note(
                    here=here,
                    boundary=boundary,
                    kind=kind,
                    note=form.cleaned_data["note"],
                    to_user_id=form.to_user_id(),
                )
            except services.BoundaryError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _done(kind))
                return _to_detail(boundary.pk)
        context["form"] = form
        return render(request, "boundaries/moment_form.html", context, status=400)
    context["form"] = MomentForm(kind=kind, mine=mine, others=here.others)
    return render(request, "boundaries/moment_form.html", context)


def _done(kind: str) -> str:
    if kind == MomentKind.CROSSED_PRIVATE:
        return "Your note is saved. Only you can read it."
    if kind == MomentKind.HONOURED:
        return "Your thank-you is sent."
    return "Your invitation to talk is sent. There's no rush."
