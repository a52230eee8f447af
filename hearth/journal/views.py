from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.core import prompts
from hearth.journal import access, services
from hearth.journal.forms import EntryForm
from hearth.spaces.context import Here, here_for


def _offset(request: HttpRequest) -> int:
    try:
        return max(0, min(int(request.GET.get("n", "0")), len(prompts.PROMPTS)))
    except ValueError:
        return 0


def _chosen_prompt(prompt_id: str) -> prompts.Prompt | None:
    try:
        return prompts.get(prompt_id) if prompt_id else None
    except prompts.PromptError:
        return None


def _readers(here: Here) -> str:
    names = [name for _, name in here.others]
    if not names:
        return "whoever joins this space"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


@login_required
@require_GET
def entry_list(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    page, entries = access.my_page(here, request.GET.get("page"))
    return render(request, "journal/list.html", {"page": page, "entries": entries})


@login_required
@require_GET
def shared_list(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    page, entries = access.shared_page(here, request.GET.get("page"))
    return render(request, "journal/shared.html", {"page": page, "entries": entries})


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    today = timezone.localdate()
    if request.method == "POST":
        form = EntryForm(request.POST)
        prompt = _chosen_prompt(request.POST.get("prompt_id", ""))
        if form.is_valid():
            try:
                entry = services.entry_write(
                    here=here,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    day=form.cleaned_data["day"],
                    prompt_id=form.cleaned_data["prompt_id"],
                )
            except services.JournalError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Saved. Only you can read this entry.")
                return HttpResponseRedirect(reverse("journal:detail", args=[entry.pk]))
        invalid = {"form": form, "prompt": prompt, "suggested": None}
        return render(request, "journal/new.html", invalid, status=400)
    prompt = _chosen_prompt(request.GET.get("prompt", ""))
    offset = _offset(request)
    suggested = None if prompt else prompts.suggest(today, str(here.user.pk), offset)
    form = EntryForm(initial={"day": today, "prompt_id": prompt.id if prompt else ""})
    context: dict[str, object] = {
        "form": form,
        "prompt": prompt,
        "suggested": suggested,
        "next_offset": offset + 1,
    }
    return render(request, "journal/new.html", context)


@login_required
@require_GET
def entry_detail(request: HttpRequest, entry_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    entry = access.entry_get_readable(here, entry_id)
    view = access.entry_view(here, entry, with_history=True)
    return render(request, "journal/detail.html", {"entry": view, "readers": _readers(here)})


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, entry_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    entry = access.entry_get_mine(here, entry_id)
    view = access.entry_view(here, entry)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            try:
                services.entry_edit(
                    here=here,
                    entry=entry,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    day=form.cleaned_data["day"],
                )
            except services.JournalError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Your changes are saved.")
                return HttpResponseRedirect(reverse("journal:detail", args=[entry.pk]))
        return render(request, "journal/edit.html", {"form": form, "entry": view}, status=400)
    form = EntryForm(initial={"day": view.day, "title": view.title, "body": view.body})
    return render(request, "journal/edit.html", {"form": form, "entry": view})


@login_required
@require_http_methods(["GET", "POST"])
def entry_share(request: HttpRequest, entry_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    entry = access.entry_get_mine(here, entry_id)
    if request.method == "POST":
        services.entry_share(here=here, entry=entry)
        messages.success(
            request, f"Shared with {_readers(here)}. You can make it private again at any time."
        )
        return HttpResponseRedirect(reverse("journal:detail", args=[entry.pk]))
    view = access.entry_view(here, entry)
    context = {"entry": view, "readers": _readers(here), "has_others": bool(here.others)}
    return render(request, "journal/share.html", context)


@login_required
@require_POST
def entry_unshare(request: HttpRequest, entry_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    entry = access.entry_get_mine(here, entry_id)
    services.entry_unshare(here=here, entry=entry)
    messages.success(request, "This entry is private again. Only you can read it.")
    return HttpResponseRedirect(reverse("journal:detail", args=[entry.pk]))


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, entry_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    entry = access.entry_get_mine(here, entry_id)
    if request.method == "POST":
        services.entry_delete(here=here, entry=entry)
        messages.success(request, "The entry is deleted.")
        return HttpResponseRedirect(reverse("journal:list"))
    view = access.entry_view(here, entry)
    return render(request, "journal/delete.html", {"entry": view})
