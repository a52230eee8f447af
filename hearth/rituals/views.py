from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import cast

from allauth.account.decorators import reauthentication_required as _reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.front.actions import carry_out
from hearth.rituals import access, feed, services
from hearth.rituals.forms import AgendaItemEditForm, AgendaItemForm, MarkForm, RitualForm
from hearth.rituals.models import AgendaItem, CalendarFeed, Ritual
from hearth.spaces.context import Here, here_for


def _detail(ritual_id: uuid.UUID) -> str:
    return reverse("rituals:detail", args=[ritual_id])


def _agenda_url(ritual_id: uuid.UUID, on: date) -> str:
    return reverse("rituals:agenda", args=[ritual_id, on.isoformat()])


# --- rituals --------------------------------------------------------------------


@login_required
@require_GET
def ritual_list(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    rows = access.ritual_rows(here, timezone.localdate())
    return render(
        request,
        "rituals/list.html",
        {
            "active": [r for r in rows if r.ritual.is_active],
            "paused": [r for r in rows if not r.ritual.is_active],
        },
    )


def _initial_zone(here: Here) -> str:
    latest = (
        Ritual.objects.filter(space_id=here.space_id)
        .order_by("-made_at")
        .values_list("time_zone", flat=True)
        .first()
    )
    return latest or settings.TIME_ZONE


@login_required
@require_http_methods(["GET", "POST"])
def ritual_create(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    if request.method == "POST":
        form = RitualForm(request.POST)
        if form.is_valid():
            try:
                ritual = services.ritual_create(here=here, plan=form.plan())
            except services.RitualError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, "Your ritual is planned. Everyone in the space can see it."
                )
                return HttpResponseRedirect(_detail(ritual.pk))
        return render(request, "rituals/form.html", {"form": form}, status=400)
    kind = request.GET.get("kind")
    form = RitualForm(
        initial={
            "kind": kind if kind in Ritual.Kind.values else Ritual.Kind.DATE_NIGHT,
            "starts_on": timezone.localdate(),
            "time_zone": _initial_zone(here),
            "start_time": "19:30",
            "weekday": timezone.localdate().weekday(),
        }
    )
    return render(request, "rituals/form.html", {"form": form})


@login_required
@require_GET
def ritual_detail(request: HttpRequest, ritual_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    today = services.ritual_today(ritual)
    page = access.ritual_page(here, ritual, today)
    agendas = access.past_agendas(ritual, today) if ritual.is_meeting else []
    return render(request, "rituals/detail.html", {"page": page, "agendas": agendas})


@login_required
@require_http_methods(["GET", "POST"])
def ritual_edit(request: HttpRequest, ritual_id: uuid.UUID) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    if request.method == "POST":
        form = RitualForm(request.POST)
        if form.is_valid():
            try:
                services.ritual_update(here=here, ritual=ritual, plan=form.plan())
            except services.RitualError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Saved. The earlier version stays in the history.")
                return HttpResponseRedirect(_detail(ritual.pk))
        return render(request, "rituals/form.html", {"form": form, "ritual": ritual}, status=400)
    text = access.reveal(here, ritual)
    form = RitualForm(
        initial={
            "kind": ritual.kind,
            "title": text.title,
            "what": text.what or "",
            "frequency": ritual.frequency,
            "weekday": ritual.weekday,
            "week_of_month": ritual.week_of_month,
            "start_time": ritual.start_time,
            "minutes": ritual.minutes,
            "starts_on": ritual.first_date,
            "time_zone": ritual.time_zone,
        }
    )
    return render(request, "rituals/form.html", {"form": form, "ritual": ritual})


def _switch(
    request: HttpRequest,
    ritual_id: uuid.UUID,
    change: Callable[..., object],
    success: str,
) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    carry_out(
        request,
        lambda: change(here=here, ritual=ritual),
        success=success,
        refused=services.RitualError,
    )
    return HttpResponseRedirect(_detail(ritual.pk))


@login_required
@require_POST
def ritual_pause(request: HttpRequest, ritual_id: uuid.UUID) -> HttpResponse:
    return _switch(
        request,
        ritual_id,
        services.ritual_pause,
        "Paused. Pick it up again whenever it suits you both.",
    )


@login_required
@require_POST
def ritual_resume(request: HttpRequest, ritual_id: uuid.UUID) -> HttpResponse:
    return _switch(
        request,
        ritual_id,
        services.ritual_resume,
        "Welcome back to it. It is on the calendar again.",
    )


# --- one time of a ritual -------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def occurrence_mark(request: HttpRequest, ritual_id: uuid.UUID, on: str) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    day = access.date_of(ritual, on, marked=True)
    today = services.ritual_today(ritual)
    context: dict[str, object] = {"ritual": ritual, "title": access.reveal(here, ritual).title}
    if request.method == "POST":
        form = MarkForm(request.POST)
        if form.is_valid():
            try:
                services.occurrence_mark(
                    here=here,
                    ritual=ritual,
                    on=day,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                )
            except services.RitualError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Noted. Thank you for keeping this time.")
                return HttpResponseRedirect(_detail(ritual.pk))
        context.update(page=access.occurrence_page(here, ritual, day, today), form=form)
        return render(request, "rituals/occurrence.html", context, status=400)
    page = access.occurrence_page(here, ritual, day, today)
    initial = {"status": page.time.status or ("done" if day <= today else "skipped")}
    if page.time.note:
        initial["note"] = page.time.note
    context.update(page=page, form=MarkForm(initial=initial))
    return render(request, "rituals/occurrence.html", context)


# --- the check-in meeting's agenda ----------------------------------------------


def _agenda_page(
    request: HttpRequest,
    here: Here,
    ritual: Ritual,
    day: date,
    form: AgendaItemForm,
    status: int = 200,
) -> HttpResponse:
    agenda = access.agenda(here, ritual, day)
    today = services.ritual_today(ritual)
    words = access.when_words(day, today)
    return render(
        request,
        "rituals/agenda.html",
        {
            "agenda": agenda,
            "form": form,
            "relative": words if words in ("Today", "Tomorrow", "Yesterday") else "",
            "upcoming": day >= today,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request: HttpRequest, ritual_id: uuid.UUID, on: str) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    day = access.meeting_date_of(ritual, on)
    if request.method == "POST":
        form = AgendaItemForm(request.POST)
        if form.is_valid():
            try:
                services.agenda_item_add(
                    here=here,
                    ritual=ritual,
                    on=day,
                    section=form.cleaned_data["section"],
                    body=form.cleaned_data["body"],
                )
            except services.RitualError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Added to the agenda.")
                return HttpResponseRedirect(_agenda_url(ritual.pk, day))
        return _agenda_page(request, here, ritual, day, form, status=400)
    section = request.GET.get("section")
    initial = {"section": section} if section in AgendaItem.Section.values else {}
    return _agenda_page(request, here, ritual, day, AgendaItemForm(initial=initial))


@login_required
@require_http_methods(["GET", "POST"])
def agenda_item_edit(
    request: HttpRequest, ritual_id: uuid.UUID, on: str, item_id: uuid.UUID
) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    day = access.meeting_date_of(ritual, on)
    item = access.agenda_item_get_mine(here, ritual, day, item_id)
    context: dict[str, object] = {
        "ritual": ritual,
        "item": item,
        "on": day,
        "section": AgendaItem.Section(item.section).label,
        "versions": access.agenda_item_versions(here, item),
    }
    if request.method == "POST":
        form = AgendaItemEditForm(request.POST)
        if form.is_valid():
            try:
                services.agenda_item_edit(here=here, item=item, body=form.cleaned_data["body"])
            except services.RitualError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Your item is updated.")
                return HttpResponseRedirect(_agenda_url(ritual.pk, day))
        context["form"] = form
        return render(request, "rituals/agenda_item.html", context, status=400)
    context["form"] = AgendaItemEditForm(initial={"body": access.reveal(here, item).body})
    return render(request, "rituals/agenda_item.html", context)


@login_required
@require_POST
def agenda_item_remove(
    request: HttpRequest, ritual_id: uuid.UUID, on: str, item_id: uuid.UUID
) -> HttpResponse:
    here = here_for(request)
    ritual = access.ritual_get(here, ritual_id)
    day = access.meeting_date_of(ritual, on)
    item = access.agenda_item_get_mine(here, ritual, day, item_id)
    services.agenda_item_remove(here=here, item=item)
    messages.success(request, "Your item is removed from the agenda.")
    return HttpResponseRedirect(_agenda_url(ritual.pk, day))


# --- the private calendar feed --------------------------------------------------


View = Callable[..., HttpResponse]


def reauthentication_required(view: View) -> View:
    """allauth's decorator, typed: sensitive settings ask for the password again."""
    return cast(View, _reauthentication_required(view))


def _feed_links(request: HttpRequest, token: str) -> dict[str, str]:
    url = request.build_absolute_uri(reverse("rituals:feed", args=[token]))
    return {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


@login_required
@require_GET
@reauthentication_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    current = CalendarFeed.objects.filter(user=here.user).first()
    return render(request, "rituals/calendar.html", {"feed": current})


@login_required
@require_POST
@never_cache
@reauthentication_required
def calendar_link(request: HttpRequest) -> HttpResponse:
    """Turn the feed on, or replace its link: the new URL is shown this once."""
    here = here_for(request)
    token = services.calendar_feed_create(here=here)
    current = CalendarFeed.objects.get(user=here.user)
    context = {"feed": current, "new": True, **_feed_links(request, token)}
    return render(request, "rituals/calendar.html", context, status=201)


@login_required
@require_POST
def calendar_off(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    services.calendar_feed_remove(here=here)
    messages.success(request, "Your calendar link is turned off. It no longer works.")
    return HttpResponseRedirect(reverse("rituals:calendar"))


@require_GET
@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself: no sign-in, since calendar apps can't; the token is the key."""
    found = feed.feed_for_token(token)
    body = feed.calendar_bytes(feed.feed_rituals(found))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearth.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
