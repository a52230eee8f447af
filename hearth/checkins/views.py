from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.checkins import access, services
from hearth.checkins.forms import CheckInForm, SharingForm, initial_from_content
from hearth.checkins.models import Part
from hearth.core import feelings
from hearth.spaces.context import Here, here_for


def _parse_day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Http404("No such day.") from None
    if day.year < 2000:  # before Hearth, and too near date.min for arithmetic
        raise Http404("No such day.")
    return day


def _initial_from_post(data: QueryDict, others: list[tuple[int, str]]) -> dict[str, Any]:
    """What the member typed, as starting values (for "show words" without saving)."""
    initial: dict[str, Any] = {}
    for name in CheckInForm(others=others).fields:
        if name in ("words", "share"):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    return initial


def _form_page(
    request: HttpRequest,
    here: Here,
    form: CheckInForm,
    day: date,
    today: date,
    *,
    exists: bool,
    status: int = 200,
    error: str = "",
) -> HttpResponse:
    x, y = form.point()
    chosen = form.chosen_words()
    context = {
        "form": form,
        "day": day,
        "is_today": day == today,
        "exists": exists,
        "error": error,
        "point_quadrant": feelings.quadrant_of(x, y),
        "word_groups": [
            {
                "quadrant": q,
                "words": words,
                "open": i == 0 or bool(chosen & {f.word for f in words}),
            }
            for i, (q, words) in enumerate(feelings.quadrants_for(x, y))
        ],
        "chosen": chosen,
        "ticks": range(feelings.LOW, feelings.HIGH + 1),
        "missing": access.missing_days(here, today),
    }
    return render(request, "checkins/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_today(request: HttpRequest) -> HttpResponse:
    """Today's check-in (or a missed day's, with ?day=), to write or to change."""
    here = here_for(request)
    today = services.local_day()
    others = here.others
    raw_day = request.POST.get("day") if request.method == "POST" else request.GET.get("day")
    day, day_error = today, ""
    if raw_day:
        try:
            day = date.fromisoformat(raw_day)
            services.check_day(day, today)
        except ValueError:
            day, day_error = today, "That day could not be read. Here is today instead."
        except services.CheckInError as exc:
            day_error = str(exc)

    existing = access.checkin_mine_for_day(here, day) if not day_error else None
    if (
        request.method == "GET"
        and existing is not None
        and services.local_day(existing.created_at) != today
    ):
        # Written on an earlier day: it stays as it was; sharing can still change.
        return HttpResponseRedirect(reverse("checkins:detail", args=[existing.pk]))

    if request.method == "GET" or day_error:
        if existing is not None:
            contents, shared = access.contents_mine(here, existing)
            initial = initial_from_content(day, contents, shared, others)
        else:
            initial = {"day": day if not day_error else today}
        if request.method == "POST":
            initial = {**_initial_from_post(request.POST, others), "day": today}
        form = CheckInForm(initial=initial, others=others)
        return _form_page(
            request,
            here,
            form,
            day if not day_error else today,
            today,
            exists=existing is not None,
            status=400 if day_error else 200,
            error=day_error,
        )

    if request.POST.get("step") == "words":
        # "Show words for this point" without JavaScript: nothing is saved.
        form = CheckInForm(initial=_initial_from_post(request.POST, others), others=others)
        return _form_page(request, here, form, day, today, exists=existing is not None)

    form = CheckInForm(request.POST, others=others)
    if form.is_valid():
        try:
            checkin = services.checkin_save(
                here=here, day=day, entry=form.entry(), share=set(form.cleaned_data["share"])
            )
        except services.CheckInError as exc:
            form.add_error(None, str(exc))
        else:
            shared = form.cleaned_data["share"]
            messages.success(
                request,
                "Saved. You chose to share some of it; the rest stays private."
                if shared
                else "Saved. It stays private to you.",
            )
            return HttpResponseRedirect(reverse("checkins:detail", args=[checkin.pk]))
    return _form_page(request, here, form, day, today, exists=existing is not None, status=400)


@login_required
@require_GET
def checkin_earlier(request: HttpRequest) -> HttpResponse:
    """Pick a missed day of the last week to check in for."""
    here = here_for(request)
    today = services.local_day()
    return render(
        request,
        "checkins/earlier.html",
        {"missing": access.missing_days(here, today), "days": services.BACKDATE_DAYS},
    )


@login_required
@require_GET
def checkin_history(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    page = access.history_page(here, request.GET.get("page"))
    return render(request, "checkins/history.html", {"page": page})


@login_required
@require_GET
def checkin_day(request: HttpRequest, day: str) -> HttpResponse:
    """The space's shared check-ins for a day, with the mutual reveal applied."""
    here = here_for(request)
    today = services.local_day()
    parsed = _parse_day(day)
    if parsed > today:
        raise Http404("That day hasn't come yet.")
    view = access.day_view(here, parsed, today)
    context = {
        "view": view,
        "is_today": parsed == today,
        "previous": parsed - timedelta(days=1),
        "next": parsed + timedelta(days=1) if parsed < today else None,
    }
    return render(request, "checkins/day.html", context)


@login_required
@require_GET
def checkin_detail(request: HttpRequest, checkin_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    view = access.checkin_get_for_viewer(here, checkin_id)
    today = services.local_day()
    context: dict[str, Any] = {
        "checkin": view,
        "editable": view.mine and services.local_day(view.created_at) == today,
    }
    if view.mine:
        context["sharing"] = SharingForm(initial={"share": view.shared_kinds})
    return render(request, "checkins/detail.html", context)


@login_required
@require_GET
def checkin_part(request: HttpRequest, checkin_id: uuid.UUID, kind: str) -> HttpResponse:
    """One part of a check-in and its earlier versions."""
    if kind not in Part.values:
        raise Http404("No such part.")
    here = here_for(request)
    view, part, versions = access.part_get_for_viewer(here, checkin_id, kind)
    shown = []
    for version in reversed(versions):
        content = version.values.get("content")
        shown.append(
            {
                "replaced_at": version.replaced_at,
                "editor": here.name_of(version.editor_id),
                "text": _describe(kind, content, here, view.owner_id),
            }
        )
    return render(request, "checkins/part.html", {"checkin": view, "part": part, "versions": shown})


def _describe(kind: str, content: Any, here: Here, owner_id: int) -> str:
    """An earlier version in one plain line, filtered as the current one is."""
    if not content:
        return "(empty)"
    if kind == Part.FEELINGS:
        words = [*content.get("words", []), *content.get("own_words", [])]
        return (
            f"Pleasantness {content['pleasantness']:+d}, energy {content['energy']:+d}: "
            + ", ".join(words)
        )
    if kind == Part.NOTE:
        return str(content.get("text", ""))
    # Ratings: the same rule as today's view, so nobody reads, in an earlier
    # version, how a third person was rated.
    groups = access.rating_groups(content, here, owner_id)
    return (
        " · ".join(
            f"{group.about}: " + "; ".join(f"{label} {value}" for label, value in group.answers)
            for group in groups
        )
        or "(nothing about you)"
    )


@login_required
@require_POST
def checkin_sharing(request: HttpRequest, checkin_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    checkin = access.checkin_get_mine(here, checkin_id)
    form = SharingForm(request.POST)
    if not form.is_valid():
        view = access.checkin_get_for_viewer(here, checkin_id)
        return render(
            request,
            "checkins/detail.html",
            {"checkin": view, "sharing": form, "editable": False},
            status=400,
        )
    services.checkin_share(here=here, checkin=checkin, share=set(form.cleaned_data["share"]))
    messages.success(request, "Your sharing choices are saved.")
    return HttpResponseRedirect(reverse("checkins:detail", args=[checkin.pk]))
