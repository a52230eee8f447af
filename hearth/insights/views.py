from __future__ import annotations

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from hearth.accounts.models import User
from hearth.core import trust
from hearth.insights import access, services
from hearth.insights.forms import ReportForm, SharingForm
from hearth.insights.markers import markers_for
from hearth.spaces import access as spaces
from hearth.spaces.context import here_for, here_for_membership
from hearth.vault.middleware import get_keychain


def _periods(base: str) -> list[dict[str, object]]:
    return [
        {"weeks": n, "label": access.PERIOD_WORDS[n], "url": f"{base}weeks={n}"}
        for n in access.PERIODS
    ]


@login_required
@require_GET
def insights_mine(request: HttpRequest) -> HttpResponse:
    """My own sense of trust over time: for my eyes only."""
    here = here_for(request)
    today = timezone.localdate()
    period = access.period_for(request.GET.get("weeks"), today)
    about = access.about_for(here, request.GET.get("about"))
    page = access.insights_page(here, period, about)
    if services.shared_series_is_stale(here, today):
        services.shared_series_refresh(here=here)
    base = "?" + (f"about={about}&" if about is not None else "")
    return render(
        request,
        "insights/mine.html",
        {
            "page": page,
            "periods": _periods(base),
            "about_choices": access.about_choices(here),
            "weeks": period.weeks,
            "space_id": here.space_id,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    choices = access.settings_mine(here)
    if request.method == "POST":
        form = SharingForm(request.POST)
        if form.is_valid():
            try:
                services.insight_settings_save(
                    here=here,
                    dimensions=form.cleaned_data["dimensions"],
                    balance=form.cleaned_data["balance"],
                    summary_email=form.cleaned_data["summary_email"],
                )
            except services.InsightError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Saved. Your choices apply from now on.")
                return HttpResponseRedirect(reverse("insights:sharing"))
        return render(
            request, "insights/sharing.html", {"form": form, "space_id": here.space_id}, status=400
        )
    form = SharingForm(
        initial={
            "dimensions": choices.shared_dimensions,
            "balance": choices.share_balance,
            "summary_email": choices.summary_email,
        }
    )
    return render(request, "insights/sharing.html", {"form": form, "space_id": here.space_id})


@login_required
@require_GET
def together(request: HttpRequest, space_id: uuid.UUID) -> HttpResponse:
    """The combined view: only what every current member agreed to, or nothing."""
    user = request.user
    assert isinstance(user, User)
    membership = spaces.membership_get_for_member(user, space_id)
    here = here_for(request)
    if membership.space_id != here.space_id:
        here = here_for_membership(membership, get_keychain(request))
    period = access.period_for(request.GET.get("weeks"), timezone.localdate())
    return render(
        request,
        "insights/together.html",
        {
            "combined": access.combined(here, period),
            "periods": _periods("?"),
            "weeks": period.weeks,
        },
    )


@login_required
@require_GET
def week(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    summary = access.week_summary(here, timezone.localdate())
    services.insight_summary_seen(here=here)
    return render(request, "insights/week.html", {"summary": summary})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def report(request: HttpRequest) -> HttpResponse:
    """A print-friendly page of exactly what the member ticks. Nothing is stored."""
    here = here_for(request)
    if request.method != "POST":
        return render(request, "insights/report_form.html", {"form": ReportForm()})
    form = ReportForm(request.POST)
    if not form.is_valid():
        return render(request, "insights/report_form.html", {"form": form}, status=400)
    today = timezone.localdate()
    period = access.period_for(str(form.cleaned_data["weeks"]), today)
    evidence = access.evidence_mine(
        here, period.start - timedelta(days=access.WARMUP_DAYS), period.end
    )
    whom = access.whom_for(here, None)
    markers = markers_for(here, period.start, period.end)
    series = access.all_series(evidence, period.start, period.end)
    dimensions = [
        access.dimension_view(
            dim,
            series[dim],
            period=period,
            whom=whom,
            markers=markers,
            prefix="report",
        )
        for dim in trust.DIMENSIONS
        if dim in form.cleaned_data["dimensions"]
    ]
    balance = None
    if form.cleaned_data["balance"]:
        balance = access.balance_view(
            access.balance_for(evidence, period.start, period.end), period, prefix="report"
        )
    return render(
        request,
        "insights/report.html",
        {
            "period": period,
            "dimensions": dimensions,
            "balance": balance,
            "note": form.cleaned_data["note"].strip(),
            "today": today,
            "name": here.name_of(here.user.pk),
        },
    )
