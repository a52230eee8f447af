from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from hearth.questions import access, services
from hearth.questions.forms import AnswerForm
from hearth.spaces.context import Here, here_for


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _day_context(here: Here, view: access.DayView) -> dict[str, object]:
    return {
        "view": view,
        "others_answered": join_names(view.answered_others),
        "waiting_names": join_names(view.waiting_for),
        "answered_count": len(view.answered_others),
        "waiting_count": len(view.waiting_for),
        "pair": len(here.current_member_ids) <= 2,
    }


def _today_view(here: Here, today: date) -> access.DayView:
    view = access.day_view(here, today, services.question_by_rotation(here, today))
    if view.complete_but_closed:
        services.daily_reveal_if_complete(here=here, day=today)
        view = access.day_view(here, today, view.question)
    return view


@login_required
@require_http_methods(["GET", "POST"])
def today(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    day = timezone.localdate()
    view = _today_view(here, day)
    editing = view.mine is not None and request.GET.get("edit") == "1"
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.answer_write(here=here, body=form.cleaned_data["body"])
            except services.QuestionError as exc:
                form.add_error("body", str(exc))
            else:
                messages.success(request, "Your answer is saved.")
                return HttpResponseRedirect(reverse("questions:today"))
        context = {**_day_context(here, view), "form": form, "editing": view.mine is not None}
        return render(request, "questions/today.html", context, status=400)
    blank: AnswerForm | None = None
    if view.mine is None or editing:
        blank = AnswerForm(initial={"body": view.mine.body if view.mine else ""})
    context = {**_day_context(here, view), "form": blank, "editing": editing}
    return render(request, "questions/today.html", context)


@login_required
@require_GET
def past(request: HttpRequest) -> HttpResponse:
    here = here_for(request)
    page, days = access.past_page(here, request.GET.get("page"))
    return render(request, "questions/past.html", {"page": page, "days": days})


@login_required
@require_GET
def day_detail(request: HttpRequest, day: str) -> HttpResponse:
    here = here_for(request)
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise Http404("No question that day.") from None
    if when == timezone.localdate():
        return HttpResponseRedirect(reverse("questions:today"))
    daily = access.daily_get(here, when)
    view = access.day_view(here, when, daily.question)
    return render(request, "questions/day.html", _day_context(here, view))
