from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hearth.accounts.models import User
from hearth.front.today import due_today, recent_moments
from hearth.spaces import access, services
from hearth.spaces.context import NoSpace, here_for
from hearth.vault import services as vault
from hearth.vault import session
from hearth.vault.middleware import get_keychain

MOMENTS_PER_PAGE = 15


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 50))
    except ValueError:
        return 1


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Today: what I could do today, and what recently happened in my space."""
    if not request.user.is_authenticated:
        return render(request, "front/welcome.html")
    user = request.user
    assert isinstance(user, User)
    keychain = get_keychain(request)
    context: dict[str, object] = {"name": vault.keyring_name(keychain=keychain)}
    try:
        here = here_for(request)
    except NoSpace:
        return render(request, "front/home.html", context)
    except access.SpaceLocked:
        context["space_locked"] = True
        return render(request, "front/home.html", context)
    services.space_regrant_keys(membership=here.membership, keychain=keychain)
    page = _page_number(request)
    moments = recent_moments(here, page * MOMENTS_PER_PAGE + 1)
    shown = moments[(page - 1) * MOMENTS_PER_PAGE : page * MOMENTS_PER_PAGE]
    others = [
        {"id": m.space_id, "name": access.space_summary(m, keychain)[0]}
        for m in access.current_memberships(user)
        if m.pk != here.membership.pk
    ]
    context.update(
        {
            "space": access.space_view(here.membership, keychain),
            "today": timezone.localdate(),
            "due": due_today(here, timezone.localdate()),
            "moments": shown,
            "page": page,
            "older": len(moments) > page * MOMENTS_PER_PAGE,
            "others": others,
        }
    )
    return render(request, "front/home.html", context)


@login_required
@require_GET
def more(request: HttpRequest) -> HttpResponse:
    """Every part of Hearth, for the small screen's menu."""
    return render(request, "front/more.html")


@require_GET
@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave at once: end the session, clear what the browser holds, go elsewhere."""
    logout(request)
    response = HttpResponseRedirect(settings.HEARTH_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    session.forget(response)
    return response
