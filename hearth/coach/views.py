"""The coach in the web app: a page to try a message, the as-you-type partial
for any field meant for another member, and a JSON endpoint.

Drafts are read and answered, never stored or logged."""

from __future__ import annotations

from allauth.core import ratelimit
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from hearth.coach.forms import DraftForm
from hearth.coach.present import feedback_for
from hearth.core.coach import MAX_CHARS, CoachError, analyse

TOO_LONG = f"The coach reads up to {MAX_CHARS:,} characters at a time."


def _limited(request: HttpRequest) -> bool:
    return not ratelimit.consume(request, action="coach", user=request.user)


@login_required
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def coach_page(request: HttpRequest) -> HttpResponse:
    """Works without JavaScript: the form posts here and the page answers."""
    if request.method != "POST":
        return render(request, "coach/page.html", {"form": DraftForm()})
    form = DraftForm(request.POST)
    if _limited(request):
        form.add_error(None, "That's a lot of drafts in a minute. Take a breath and try again.")
        return render(request, "coach/page.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "coach/page.html", {"form": form}, status=400)
    feedback = feedback_for(form.cleaned_data["text"])
    return render(request, "coach/page.html", {"form": form, "feedback": feedback})


@login_required
@sensitive_post_parameters()
@require_POST
def coach_feedback(request: HttpRequest) -> HttpResponse:
    """The partial a coached field asks for as the member types (htmx)."""
    field = request.GET.get("field", "text")
    text = request.POST.get(field, "")
    if _limited(request):
        return render(request, "coach/_feedback.html", {"paused": True}, status=429)
    if len(text) > MAX_CHARS:
        return render(request, "coach/_feedback.html", {"error": TOO_LONG}, status=400)
    return render(
        request,
        "coach/_feedback.html",
        {"feedback": feedback_for(text), "target": request.GET.get("target", "")},
    )


@login_required
@sensitive_post_parameters()
@require_POST
def coach_analyse(request: HttpRequest) -> JsonResponse:
    """JSON: {"text": "..."} (or a form field) in, the analysis out."""
    if _limited(request):
        return JsonResponse({"error": "Too many requests. Try again in a minute."}, status=429)
    text: object = request.POST.get("text")
    if text is None and request.content_type == "application/json":
        import json

        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return JsonResponse({"error": "The body is not valid JSON."}, status=400)
        text = body.get("text") if isinstance(body, dict) else None
    if not isinstance(text, str):
        return JsonResponse({"error": 'Send {"text": "..."} with the message.'}, status=400)
    try:
        analysis = analyse(text)
    except CoachError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    return JsonResponse(analysis.to_dict())
