"""Mastodon's import pages: upload → confirm → processed in the background
[fediverse-apis.md §3 "Import"; M: config/routes/settings.rb, app/controllers/settings/
imports_controller.rb, app/models/form/import.rb]. Form fields `form_import[type]`,
`form_import[mode]` (merge | overwrite) and `form_import[data]` (the file), with the session's
`authenticity_token`. No API exists for this on Mastodon.
"""

from __future__ import annotations

import hmac
from html import escape

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from fedimove.sandbox.federation import node_of
from fedimove.sandbox.federation_imports import (
    COLUMNS,
    ImportError_,
    ImportJob,
    parse_upload,
    schedule_import,
)
from fedimove.sandbox.settings_pages import (
    REJECTED_PAGE,
    Signed,
    checked_form,
    csrf_input,
    flash_html,
    page,
    redirect,
    signed,
)

CONFIRMED = "Your file has been uploaded and is now being processed. Check back in a while!"


def _job_row(job: ImportJob) -> str:
    return (
        f"<tr class='import' data-id='{job.id}'><td class='type'>{job.kind}</td>"
        f"<td class='state'>{job.state}</td><td class='processed'>{job.processed}</td>"
        f"<td class='imported'>{job.imported}</td><td class='total'>{len(job.rows)}</td></tr>"
    )


def _radio(mode: str, checked: str) -> str:
    return (
        f"<label><input type='radio' name='form_import[mode]' value='{mode}'{checked}> "
        f"{mode.capitalize()}</label>"
    )


def _index_page(who: Signed, error: str = "") -> str:
    assert who.account is not None
    jobs = [j for j in node_of(who.instance).imports.values() if j.account_id == who.account.id]
    options = "".join(f"<option value='{k}'>{k}</option>" for k in COLUMNS)
    alert = f"<p class='flash-message alert' role='alert'>{escape(error)}</p>" if error else ""
    rows = "".join(_job_row(j) for j in reversed(jobs))
    return page(
        "Import",
        (
            f"<h1>Import</h1>{flash_html(who.session)}{alert}"
            "<form id='new_form_import' action='/settings/imports' method='post' "
            f"enctype='multipart/form-data'>{csrf_input(who.session)}"
            f"<label>Import type <select name='form_import[type]'>{options}</select></label>"
            f"{_radio('merge', ' checked')}{_radio('overwrite', '')}"
            "<label>Data <input type='file' name='form_import[data]'></label>"
            "<button type='submit'>Upload</button></form>"
            "<h2>Recent imports</h2><table class='imports'><tr><th>Type</th><th>Status</th>"
            f"<th>Processed</th><th>Imported</th><th>Total</th></tr>{rows}</table>"
        ),
    )


async def index(request: Request) -> Response:
    who, bounce = signed(request)
    return bounce or HTMLResponse(_index_page(who))


async def create(request: Request) -> Response:
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    async with request.form() as form:  # closes the uploaded file's spool
        token = form.get("authenticity_token")
        if not isinstance(token, str) or not hmac.compare_digest(token, who.session.csrf):
            return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
        assert who.account is not None
        kind, mode = form.get("form_import[type]"), form.get("form_import[mode]") or "merge"
        upload = form.get("form_import[data]")
        if (
            not isinstance(upload, UploadFile)
            or not isinstance(kind, str)
            or not isinstance(mode, str)
        ):
            return HTMLResponse(_index_page(who, "Data can't be blank"))
        data = await upload.read()
    try:
        job = parse_upload(who.instance, who.account, kind, mode, data)
    except ImportError_ as error:
        return HTMLResponse(_index_page(who, str(error)))
    return redirect(who, f"/settings/imports/{job.id}", "")


def _own_job(who: Signed, request: Request) -> ImportJob | None:
    job = node_of(who.instance).imports.get(int(request.path_params["id"]))
    assert who.account is not None
    return job if job is not None and job.account_id == who.account.id else None


async def show(request: Request) -> Response:
    """The confirmation page: what will happen, and the button that starts it."""
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    job = _own_job(who, request)
    if job is None:
        return HTMLResponse(page("Not found", "<h1>Not found</h1>"), 404)
    button = ""
    if job.state == "unconfirmed":
        button = (
            f"<form class='confirm' action='/settings/imports/{job.id}/confirm' method='post'>"
            f"{csrf_input(who.session)}<button type='submit'>Confirm</button></form>"
        )
    return HTMLResponse(
        page(
            "Import",
            (
                f"<h1>Import</h1><p class='summary'>You are about to {job.mode} "
                f"{len(job.rows)} rows of type {job.kind}.</p>"
                f"<table class='imports'>{_job_row(job)}</table>{button}"
            ),
        )
    )


async def confirm(request: Request) -> Response:
    who, bounce = signed(request)
    if bounce is not None:
        return bounce
    if await checked_form(request, who) is None:
        return HTMLResponse(page("Rejected", REJECTED_PAGE), 422)
    job = _own_job(who, request)
    if job is None:
        return HTMLResponse(page("Not found", "<h1>Not found</h1>"), 404)
    if job.state == "unconfirmed":
        schedule_import(who.instance, job)
    return redirect(who, "/settings/imports", CONFIRMED)


ROUTES = [
    Route("/settings/imports", index, methods=["GET"]),
    Route("/settings/imports", create, methods=["POST"]),
    Route("/settings/imports/{id:int}", show, methods=["GET"]),
    Route("/settings/imports/{id:int}/confirm", confirm, methods=["POST"]),
]
