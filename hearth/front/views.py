from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hearth.accounts.models import User
from hearth.spaces import access, services
from hearth.spaces.context import CURRENT_SPACE
from hearth.vault import services as vault
from hearth.vault import session
from hearth.vault.middleware import get_keychain


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "front/welcome.html")
    user = request.user
    assert isinstance(user, User)
    keychain = get_keychain(request)
    memberships = list(access.current_memberships(user))
    current_id = request.session.get(CURRENT_SPACE)
    current = next((m for m in memberships if str(m.space_id) == current_id), None)
    if current is None and memberships:
        current = memberships[0]
    space = None
    if current is not None:
        try:
            space = access.space_view(current, keychain)
        except access.SpaceLocked:
            space = None
        else:
            services.space_regrant_keys(membership=current, keychain=keychain)
    others = [
        {"id": m.space_id, "name": access.space_summary(m, keychain)[0]}
        for m in memberships
        if current is None or m.pk != current.pk
    ]
    return render(
        request,
        "front/home.html",
        {
            "name": vault.keyring_name(keychain=keychain),
            "space": space,
            "space_locked": current is not None and space is None,
            "others": others,
        },
    )


@require_GET
@never_cache
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Leave at once: end the session, clear what the browser holds, go elsewhere."""
    logout(request)
    response = HttpResponseRedirect(settings.HEARTH_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    session.forget(response)
    return response
