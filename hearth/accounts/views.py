from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from hearth.accounts.forms_profile import NameForm
from hearth.vault import services as vault
from hearth.vault import session
from hearth.vault.middleware import get_keychain


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_http_methods(["GET", "POST"])
def recovery_code(request: HttpRequest) -> HttpResponse:
    """Show a new recovery code once, until the member says they saved it."""
    home = reverse("front:home")
    assert request.user.pk is not None
    code = session.pending_recovery_code(request, request.user.pk)
    if code is None:
        return HttpResponseRedirect(_safe_next(request, home))
    if request.method == "POST":
        if request.POST.get("saved") != "yes":
            return render(
                request,
                "accounts/recovery_code.html",
                {"code": code, "next": _safe_next(request, home), "error": True},
                status=400,
            )
        vault.keyring_confirm_recovery_saved(user=request.user)
        session.forget_recovery_code(request)
        messages.success(request, "Thank you. Keep that code somewhere safe and private.")
        return HttpResponseRedirect(_safe_next(request, home))
    return render(
        request,
        "accounts/recovery_code.html",
        {"code": code, "next": _safe_next(request, home)},
    )


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    keychain = get_keychain(request)
    return render(
        request,
        "accounts/account.html",
        {"name": vault.keyring_name(keychain=keychain)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_name(request: HttpRequest) -> HttpResponse:
    keychain = get_keychain(request)
    if request.method == "POST":
        form = NameForm(request.POST)
        if form.is_valid():
            vault.keyring_rename(keychain=keychain, name=form.cleaned_data["name"])
            messages.success(request, "Your name is updated for new spaces you join.")
            return HttpResponseRedirect(reverse("accounts:account"))
        return render(request, "accounts/name.html", {"form": form}, status=400)
    form = NameForm(initial={"name": vault.keyring_name(keychain=keychain)})
    return render(request, "accounts/name.html", {"form": form})
