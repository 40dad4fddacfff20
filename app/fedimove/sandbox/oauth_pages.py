"""The HTML a person sees while signing in: sign-in form, consent form, the out-of-band code
page and error pages. Field names follow the real forms: Mastodon's Devise
form posts `user[email]` / `user[password]` with `authenticity_token`
[M: app/views/auth/sessions/new.html.haml];
GoToSocial's posts `username` (an email) / `password` [GTS: web/template/sign-in.tmpl]; consent
forms repeat the authorize parameters as hidden fields, deny is a `_method=delete` form on
Mastodon [M: app/views/oauth/authorizations/new.html.haml]."""

from __future__ import annotations

from html import escape

from fedimove.sandbox.flavours import Flavour


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body><main>{body}</main></body></html>"
    )


def _hidden(fields: dict[str, str]) -> str:
    return "".join(
        f"<input type='hidden' name='{escape(k)}' value='{escape(v)}'>" for k, v in fields.items()
    )


def sign_in(flavour: Flavour, domain: str, csrf: str, error: str | None = None) -> str:
    if flavour.is_gotosocial:
        user_field, csrf_field = "username", "csrf_token"
    else:
        user_field, csrf_field = "user[email]", "authenticity_token"
    alert = f"<p class='flash-message alert' role='alert'>{escape(error)}</p>" if error else ""
    return _page(
        f"Log in - {domain}",
        f"<h1>Log in to {escape(domain)}</h1>{alert}"
        "<form id='new_user' action='/auth/sign_in' method='post'>"
        + _hidden({csrf_field: csrf})
        + f"<label>E-mail address<input type='email' name='{user_field}' autocomplete='username'>"
        "</label><label>Password<input type='password' name='"
        + ("password" if flavour.is_gotosocial else "user[password]")
        + "' autocomplete='current-password'></label>"
        "<button type='submit'>Log in</button></form>",
    )


def consent(
    flavour: Flavour, app_name: str, scopes: list[str], fields: dict[str, str], csrf: str
) -> str:
    csrf_field = "csrf_token" if flavour.is_gotosocial else "authenticity_token"
    items = "".join(f"<li>{escape(s)}</li>" for s in scopes)
    hidden = _hidden({csrf_field: csrf, **fields})
    return _page(
        "Authorization required",
        f"<h1>Authorization required</h1><p><strong>{escape(app_name)}</strong> would like "
        f"permission to access your account.</p><ul class='scopes'>{items}</ul>"
        f"<form class='approve' action='/oauth/authorize' method='post'>{hidden}"
        "<button type='submit'>Authorize</button></form>"
        f"<form class='deny' action='/oauth/authorize' method='post'>{hidden}"
        + _hidden({"_method": "delete"})
        + "<button type='submit' class='negative'>Deny</button></form>",
    )


def oob_code(code: str) -> str:
    """Doorkeeper's native redirect page shows the code in a read-only field."""
    return _page(
        "Authorization code",
        "<h1>Authorization code</h1><p>Copy this authorization code and paste it to the "
        f"application.</p><input type='text' class='oauth-code' readonly value='{escape(code)}'>",
    )


def error(title: str, description: str) -> str:
    return _page(title, f"<h1>{escape(title)}</h1><p class='error'>{escape(description)}</p>")
