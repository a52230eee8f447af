from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.accounts.models import User
from hearth.front.actions import carry_out
from hearth.spaces import access, services
from hearth.spaces.context import CURRENT_SPACE
from hearth.spaces.forms import JoinForm, SpaceForm
from hearth.vault import services as vault
from hearth.vault.middleware import get_keychain


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def remember_current(request: HttpRequest, space_id: uuid.UUID) -> None:
    request.session[CURRENT_SPACE] = str(space_id)


@login_required
@require_GET
def space_list(request: HttpRequest) -> HttpResponse:
    keychain = get_keychain(request)
    current = request.session.get(CURRENT_SPACE)
    rows = []
    for membership in access.current_memberships(_me(request)):
        name, locked = access.space_summary(membership, keychain)
        rows.append(
            {
                "id": membership.space_id,
                "name": name,
                "locked": locked,
                "kind": membership.space.get_kind_display(),
                "current": str(membership.space_id) == current,
            }
        )
    return render(request, "spaces/list.html", {"spaces": rows})


@login_required
@require_http_methods(["GET", "POST"])
def space_create(request: HttpRequest) -> HttpResponse:
    keychain = get_keychain(request)
    if request.method == "POST":
        form = SpaceForm(request.POST)
        if form.is_valid():
            try:
                membership = services.space_create(
                    user=_me(request),
                    keychain=keychain,
                    kind=form.cleaned_data["kind"],
                    name=form.cleaned_data["name"],
                    member_name=form.cleaned_data["member_name"],
                )
            except services.SpaceError as exc:
                form.add_error(None, str(exc))
            else:
                remember_current(request, membership.space_id)
                messages.success(request, "Your space is ready. Invite someone when you are.")
                return HttpResponseRedirect(reverse("spaces:detail", args=[membership.space_id]))
        return render(request, "spaces/create.html", {"form": form}, status=400)
    form = SpaceForm(initial={"member_name": vault.keyring_name(keychain=keychain)})
    return render(request, "spaces/create.html", {"form": form})


@login_required
@require_GET
def space_detail(request: HttpRequest, space_id: uuid.UUID) -> HttpResponse:
    keychain = get_keychain(request)
    membership = access.membership_get_for_member(_me(request), space_id)
    try:
        view = access.space_view(membership, keychain)
    except access.SpaceLocked:
        return render(request, "spaces/locked.html", {"space_id": space_id}, status=200)
    services.space_regrant_keys(membership=membership, keychain=keychain)
    remember_current(request, membership.space_id)
    return render(request, "spaces/detail.html", {"space": view})


@login_required
@require_POST
@never_cache
def invitation_create(request: HttpRequest, space_id: uuid.UUID) -> HttpResponse:
    keychain = get_keychain(request)
    membership = access.membership_get_for_member(_me(request), space_id)
    try:
        invitation, token = services.invitation_create(membership=membership, keychain=keychain)
    except access.SpaceLocked:
        return render(request, "spaces/locked.html", {"space_id": space_id}, status=409)
    link = request.build_absolute_uri(reverse("spaces:join", args=[token]))
    view = access.space_view(membership, keychain)
    return render(
        request,
        "spaces/invitation_created.html",
        {"space": view, "link": link, "invitation": invitation},
        status=201,
    )


@login_required
@require_POST
def invitation_revoke(
    request: HttpRequest, space_id: uuid.UUID, invitation_id: uuid.UUID
) -> HttpResponse:
    membership = access.membership_get_for_member(_me(request), space_id)
    invitation = access.invitation_get_for_member(membership, invitation_id)
    carry_out(
        request,
        lambda: services.invitation_revoke(invitation=invitation, user=_me(request)),
        success="The invitation is withdrawn. Its link no longer works.",
        refused=services.SpaceError,
    )
    return HttpResponseRedirect(reverse("spaces:detail", args=[space_id]))


@login_required
@require_http_methods(["GET", "POST"])
def space_leave(request: HttpRequest, space_id: uuid.UUID) -> HttpResponse:
    keychain = get_keychain(request)
    membership = access.membership_get_for_member(_me(request), space_id)
    if request.method == "POST":
        services.membership_leave(membership=membership)
        if request.session.get(CURRENT_SPACE) == str(space_id):
            request.session.pop(CURRENT_SPACE, None)
        messages.success(request, "You have left the space. What you wrote stays yours.")
        return HttpResponseRedirect(reverse("front:home"))
    name, _ = access.space_summary(membership, keychain)
    return render(request, "spaces/leave.html", {"space_id": space_id, "name": name})


@login_required
@require_POST
def space_switch(request: HttpRequest, space_id: uuid.UUID) -> HttpResponse:
    membership = access.membership_get_for_member(_me(request), space_id)
    remember_current(request, membership.space_id)
    return HttpResponseRedirect(reverse("front:home"))


@require_http_methods(["GET", "POST"])
@never_cache
def join(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens; anyone holding the link may see it."""
    preview = access.invitation_open(token)
    context: dict[str, object] = {"preview": preview, "token": token}
    if not request.user.is_authenticated:
        here = reverse("spaces:join", args=[token])
        context["signup_url"] = f"{reverse('account_signup')}?{urlencode({'next': here})}"
        context["login_url"] = f"{reverse('account_login')}?{urlencode({'next': here})}"
        return render(request, "spaces/join.html", context)
    keychain = get_keychain(request)
    already = access.current_memberships(_me(request)).filter(space_id=preview.invitation.space_id)
    if already.exists():
        messages.info(request, "You are already a member of this space.")
        return HttpResponseRedirect(reverse("spaces:detail", args=[preview.invitation.space_id]))
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            try:
                membership = services.invitation_accept(
                    preview=preview,
                    user=_me(request),
                    keychain=keychain,
                    member_name=form.cleaned_data["member_name"],
                )
            except services.SpaceError as exc:
                form.add_error(None, str(exc))
            else:
                remember_current(request, membership.space_id)
                messages.success(request, f"Welcome to {preview.space_name}.")
                return HttpResponseRedirect(reverse("spaces:detail", args=[membership.space_id]))
        context["form"] = form
        return render(request, "spaces/join.html", context, status=400)
    context["form"] = JoinForm(initial={"member_name": vault.keyring_name(keychain=keychain)})
    return render(request, "spaces/join.html", context)
