from __future__ import annotations

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.core import followthrough
from hearth.promises import access, present, services
from hearth.promises.forms import NoteForm, PromiseForm, ProposeForm
from hearth.promises.models import Promise
from hearth.spaces.context import Here, here_for

LATE_WORDS = {
    "late": ("I'm running late", timedelta(days=1)),
    "cant": ("I can't make it", timedelta(days=7)),
}


def _detail_url(promise_id: uuid.UUID) -> str:
    return reverse("promises:detail", args=[promise_id])


def _detail(
    request: HttpRequest,
    here: Here,
    promise: Promise,
    *,
    error: str = "",
    note_form: NoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "promise": present.promise_view(promise, here),
        "history": present.history(promise, here),
        "notes": present.notes(promise, here),
        "note_form": note_form or NoteForm(),
        "error": error,
    }
    return render(request, "promises/detail.html", context, status=status)


@login_required
@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    promises = list(access.promises_for_member(here))
    return render(
        request,
        "promises/list.html",
        {"sections": present.sections(promises, here), "has_others": bool(here.others)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def promise_make(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    if request.method == "POST":
        form = PromiseForm(request.POST, others=here.others)
        if form.is_valid():
            try:
                promise = services.promise_make(
                    here=here,
                    what=form.cleaned_data["what"],
                    to_user_id=form.to_user_id(),
                    due_date=form.cleaned_data["due_date"],
                    due_time=form.cleaned_data["due_time"],
                )
            except services.PromiseError as exc:
                form.add_error(None, str(exc))
            else:
                who = (
                    "Everyone in the space"
                    if promise.to_space
                    else here.name_of(promise.to_user_id)
                )
                messages.success(request, f"Your promise is made. {who} can see it now.")
                return HttpResponseRedirect(_detail_url(promise.pk))
        return render(request, "promises/make.html", {"form": form}, status=400)
    return render(request, "promises/make.html", {"form": PromiseForm(others=here.others)})


@login_required
@require_GET
def promise_detail(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    promise = access.promise_get_for_member(here, promise_id)
    return _detail(request, here, promise)


def _act(request: HttpRequest, promise_id: uuid.UUID, action: str, done_words: str) -> HttpResponse:
    here = here_for(request)
    promise = access.promise_get_for_member(here, promise_id)
    service = {
        "done": services.promise_mark_done,
        "confirm": services.promise_confirm,
        "accept": services.promise_accept,
        "decline": services.promise_decline,
    }[action]
    try:
        promise = service(here=here, promise=promise)
    except services.PromiseError as exc:
        promise.refresh_from_db()
        return _detail(request, here, promise, error=str(exc), status=409)
    if action == "accept" and promise.state == Promise.State.RELEASED:
        done_words = "Agreed: this one is released, and nothing is held against anyone."
    messages.success(request, done_words)
    return HttpResponseRedirect(_detail_url(promise.pk))


@login_required
@require_POST
def promise_mark_done(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    return _act(request, promise_id, "done", "Marked done. It will show as kept once confirmed.")


@login_required
@require_POST
def promise_confirm(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    return _act(
        request, promise_id, "confirm", "Confirmed: a promise kept. Thank you for noticing."
    )


@login_required
@require_POST
def promise_accept(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    return _act(request, promise_id, "accept", "Agreed: the promise has its new date.")


@login_required
@require_POST
def promise_decline(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    return _act(request, promise_id, "decline", "The promise stays as it was.")


def _propose_page(
    request: HttpRequest, view: present.PromiseView, form: ProposeForm, status: int = 200
) -> HttpResponse:
    return render(request, "promises/propose.html", {"promise": view, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def promise_propose(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    promise = access.promise_get_for_member(here, promise_id)
    view = present.promise_view(promise, here)
    if request.method == "POST":
        form = ProposeForm(request.POST)
        if form.is_valid():
            try:
                services.promise_propose(
                    here=here,
                    promise=promise,
                    kind=form.cleaned_data["kind"],
                    note=form.cleaned_data["note"],
                    new_date=form.cleaned_data["new_date"],
                    new_time=form.cleaned_data["new_time"],
                )
            except services.PromiseError as exc:
                promise.refresh_from_db()
                if not present.promise_view(promise, here).can_propose:
                    return _detail(request, here, promise, error=str(exc), status=409)
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    "Asked. Saying so early is part of keeping your word; "
                    "the other side will answer.",
                )
                return HttpResponseRedirect(_detail_url(promise.pk))
        return _propose_page(request, view, form, status=400)
    if not view.can_propose:
        return _detail(
            request, here, promise, error="This promise can't be renegotiated now.", status=409
        )
    return _propose_page(request, view, ProposeForm())


@login_required
@require_GET
def promise_running_late(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    """One tap: the renegotiation, with the note and a new date already filled in."""
    here = here_for(request)
    promise = access.promise_get_for_member(here, promise_id)
    view = present.promise_view(promise, here)
    if not view.can_run_late:
        return _detail(
            request,
            here,
            promise,
            error="\u201cRunning late\u201d is for your own open promises that are due soon.",
            status=409,
        )
    note, later = LATE_WORDS.get(request.GET.get("reason", "late"), LATE_WORDS["late"])
    start = max(promise.due_at, timezone.now())
    form = ProposeForm(
        initial={
            "kind": Promise.Proposal.MOVE,
            "new_date": timezone.localtime(start + later).date(),
            "note": note,
        }
    )
    return _propose_page(request, view, form)


@login_required
@require_POST
def promise_note_add(request: HttpRequest, promise_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    promise = access.promise_get_for_member(here, promise_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.promise_note_add(here=here, promise=promise, body=form.cleaned_data["body"])
        except services.PromiseError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your note is added.")
            return HttpResponseRedirect(_detail_url(promise.pk) + "#talk")
    return _detail(request, here, promise, note_form=form, status=400)


@login_required
@require_GET
def followthrough_mine(request: HttpRequest) -> HttpResponse:
    """My own follow-through, for my eyes only: there is no page for anyone else's."""
    here = here_for(request)
    now = timezone.now()
    outcomes = []
    for promise in Promise.objects.filter(space_id=here.space_id, owner_id=here.user.pk).only(
        "id", "state", "due_at", "kept_at", "released_at", "renegotiations", "proposal"
    ):
        ended = promise.outcome(now)
        if ended is not None:
            outcomes.append((timezone.localtime(ended[0]).date(), ended[1]))
    months = followthrough.by_month(outcomes, today=timezone.localdate(now), months=6)
    whole = followthrough.overall(months)
    return render(request, "promises/followthrough.html", {"months": months, "whole": whole})
