"""User administration pages (administrators, own jurisdiction) and personal API tokens."""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.reauthentication import is_reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.roles import Role
from ncos.access.views import requires
from ncos.accounts import privileges, services
from ncos.accounts.admin_forms import (
    ClearanceForm,
    ReasonForm,
    RolesForm,
    TokenForm,
    UserCreateForm,
)
from ncos.accounts.lockout import is_locked
from ncos.accounts.models import ApiToken, PrivilegeRequest, User


def _own_users(request: HttpRequest) -> Any:
    return User.objects.filter(jurisdiction_id=request.user.jurisdiction_id)  # type: ignore[union-attr]


def _target(request: HttpRequest, user_id: int) -> User:
    user = _own_users(request).filter(pk=user_id).first()
    if user is None:
        raise Http404
    return user


@requires(Action.USER_ADMIN)
def user_list(request: HttpRequest) -> HttpResponse:
    users = _own_users(request).prefetch_related("role_grants").order_by("username")
    query = request.GET.get("q", "").strip()
    if query:
        users = users.filter(username__icontains=query) | users.filter(last_name__icontains=query)
    page = Paginator(users, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "q": query})


@requires(Action.USER_ADMIN)
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = services.user_create(
                actor=request.user,  # type: ignore[arg-type]
                username=form.cleaned_data["username"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=form.cleaned_data["email"],
                jurisdiction=request.user.jurisdiction,  # type: ignore[union-attr]
                roles=[Role(r) for r in form.cleaned_data["roles"]],
            )
        except RuleViolation as exc:
            form.add_error(exc.field, str(exc))
        else:
            context = {
                "target": user,
                "password": password,
                "pending": privileges.pending_for(user),
            }
            return render(request, "accounts/initial_password.html", context)
    return render(request, "accounts/user_form.html", {"form": form})


@requires(Action.USER_ADMIN)
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    context = {
        "target": target,
        "locked": is_locked(target),
        "roles_form": RolesForm(initial={"roles": [r.value for r in target.roles]}),
        "clearance_form": ClearanceForm(initial={"cleared": target.protected_clearance}),
        "reason_form": ReasonForm(),
        "pending": privileges.pending_for(target),
    }
    return render(request, "accounts/user_detail.html", context)


def _run(request: HttpRequest, action: Any, success: str, user_id: int) -> HttpResponse:
    try:
        action()
    except RuleViolation as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("accounts:user_detail", user_id=user_id)


@require_POST
@requires(Action.USER_ADMIN)
def user_roles(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    form = RolesForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose at least one role.")
        return redirect("accounts:user_detail", user_id=user_id)
    roles = [Role(r) for r in form.cleaned_data["roles"]]
    return _run(
        request,
        lambda: services.user_set_roles(actor=request.user, user=target, roles=roles),  # type: ignore[arg-type]
        "Roles saved. An administrator or auditor role takes effect when a second administrator "
        "approves it; any change ends the user's sessions.",
        user_id,
    )


def _step_up(request: HttpRequest) -> None:
    """Granting clearance and releasing locks need a sign-in at most 5 minutes old (SE-7). Asked
    only after the target is found, so another jurisdiction's user stays a plain 404."""
    if is_reauthentication_required(request, app=""):
        raise ReauthenticationRequired()


@require_POST
@requires(Action.USER_ADMIN)
def user_clearance(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    _step_up(request)
    form = ClearanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the reason for this clearance decision.")
        return redirect("accounts:user_detail", user_id=user_id)
    return _run(
        request,
        lambda: services.user_set_clearance(
            actor=request.user,  # type: ignore[arg-type]
            user=target,
            cleared=form.cleaned_data["cleared"],
            reason=form.cleaned_data["reason"],
        ),
        "Clearance saved. A grant takes effect when a second administrator approves it; a "
        "withdrawal applies now and ends the user's sessions.",
        user_id,
    )


@require_POST
@requires(Action.USER_ADMIN)
def privilege_decide(request: HttpRequest, privilege_id: int) -> HttpResponse:
    """Approve, refuse or withdraw a request for clearance or a privileged role (AC-7)."""
    asked = PrivilegeRequest.objects.filter(pk=privilege_id).values_list("user_id", flat=True)
    user_id = _target(request, asked.first() or 0).pk
    decision = request.POST.get("decision", "")
    if decision not in ("approve", "refuse", "withdraw"):
        messages.error(request, "Choose to approve, refuse or withdraw the request.")
        return redirect("accounts:user_detail", user_id=user_id)
    if decision == "approve":
        _step_up(request)
    actor = request.user

    def act() -> Any:
        if decision == "withdraw":
            return privileges.privilege_withdraw(actor=actor, request_id=privilege_id)  # type: ignore[arg-type]
        return privileges.privilege_decide(
            actor=actor,  # type: ignore[arg-type]
            request_id=privilege_id,
            approve=decision == "approve",
        )

    done = {"approve": "Approved: granted.", "refuse": "Refused.", "withdraw": "Withdrawn."}
    return _run(request, act, done[decision], user_id)


@require_POST
@requires(Action.USER_ADMIN)
def user_disable(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    reason = request.POST.get("reason", "")
    return _run(
        request,
        lambda: services.user_disable(actor=request.user, user=target, reason=reason),  # type: ignore[arg-type]
        "Account disabled.",
        user_id,
    )


@require_POST
@requires(Action.USER_ADMIN)
def user_enable(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    return _run(
        request,
        lambda: services.user_enable(actor=request.user, user=target),  # type: ignore[arg-type]
        "Account enabled.",
        user_id,
    )


@require_POST
@requires(Action.USER_ADMIN)
def user_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    _step_up(request)
    return _run(
        request,
        lambda: services.lock_release(actor=request.user, user=target),  # type: ignore[arg-type]
        "Sign-in lock released.",
        user_id,
    )


@require_POST
@requires(Action.USER_ADMIN)
def user_end_sessions(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    return _run(
        request,
        lambda: services.user_end_sessions(
            actor=request.user,
            user=target,
            reason="ended by administrator",  # type: ignore[arg-type]
        ),
        "The user's sessions have ended.",
        user_id,
    )


@require_POST
@requires(Action.USER_ADMIN)
def user_reset_password(request: HttpRequest, user_id: int) -> HttpResponse:
    target = _target(request, user_id)
    password = services.user_reset_password(actor=request.user, user=target)  # type: ignore[arg-type]
    return render(
        request, "accounts/initial_password.html", {"target": target, "password": password}
    )


@requires(Action.SELF_SERVICE)
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = services.api_token_create(
            actor=request.user,
            name=form.cleaned_data["name"],  # type: ignore[arg-type]
        )
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user)  # type: ignore[misc]
    return render(
        request, "accounts/token_list.html", {"form": form, "tokens": tokens, "secret": secret}
    )


@require_POST
@requires(Action.SELF_SERVICE)
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = ApiToken.objects.filter(pk=token_id, user=request.user).first()  # type: ignore[misc]
    if token is None:
        raise Http404
    services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    messages.success(request, "Token revoked.")
    return redirect("accounts:token_list")
