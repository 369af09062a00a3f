#!/usr/bin/env python3
"""Validates real API responses from a running Quorum server against its own OpenAPI 3.1 document.

Usage: openapi_check.py BASE_URL [TOKEN]   (e.g. http://127.0.0.1:8080)

With TOKEN (a scrutiny officer's, from `quorum token create`), it also takes the API's actions: adds a
recommendation, records one as sent, extends one, records a response, and checks the refusals (no token,
a role that may not, a field that is wrong), each answer against the document.

Checks the document itself with openapi-spec-validator, then fetches every list endpoint, a record of
each kind, and error responses, and validates each JSON body against the schema the document gives
for that path and status (JSON Schema 2020-12, with formats checked). Exits non-zero on any failure.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_spec

base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
token = sys.argv[2] if len(sys.argv) > 2 else None


def fetch(path, method="GET", body=None, bearer=None):
    headers = {}
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


status, document = fetch("/api/v1/openapi.json")
assert status == 200, f"openapi.json answered {status}"
validate_spec(document)
print("OpenAPI document is valid OpenAPI 3.1")

failures = 0
checked = 0


def check(template, path, expected_status=200, method="GET", body=None, bearer=None):
    """Fetches /api/v1 + path and validates it against the schema for `template`, the method and the status."""
    global failures, checked
    status, body = fetch("/api/v1" + path, method, body, bearer)
    if status != expected_status:
        print(f"FAIL {method} {path}: status {status}, expected {expected_status}: {body}")
        failures += 1
        return body
    operation = document["paths"][template][method.lower()]
    schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    root = dict(schema)
    root["components"] = document["components"]
    errors = sorted(Draft202012Validator(root, format_checker=FormatChecker()).iter_errors(body), key=lambda e: list(e.path))
    checked += 1
    if errors:
        failures += 1
        for error in errors[:5]:
            print(f"FAIL {path}: {'/'.join(map(str, error.path))}: {error.message}")
    else:
        print(f"ok   {path} ({status})")
    return body


organizations = check("/organizations", "/organizations?per_page=100")
people = check("/people", "/people?per_page=100")
check("/memberships", "/memberships?per_page=100")
events = check("/events", "/events?per_page=100")
check("/events", "/events?start_date_from=2024-01-01&start_date_to=2025-12-31")
check("/recommendations", "/recommendations?per_page=100")
check("/recommendations", "/recommendations?overdue=1")
check("/work-programme", "/work-programme?per_page=100")
if organizations.get("results"):
    check("/organizations/{id}", "/organizations/" + organizations["results"][0]["id"])
    slug = organizations["results"][0]["id"].split("/")[-1]
    check("/events", "/events?committee=" + urllib.parse.quote(slug))
    organization = urllib.parse.quote(organizations["results"][0]["id"])
    for year in ("2021", "2024"):
        check("/scorecards", "/scorecards?organization_id=" + organization + "&year=" + year)
    check("/scorecards", "/scorecards?organization_id=" + organization)
    check("/scorecards", "/scorecards?organization_id=" + organization + "&year=twenty", 400)
check("/scorecards", "/scorecards?organization_id=no/such/committee", 404)
check("/scorecards", "/scorecards", 400)
plans = check("/plans", "/plans?per_page=100")
for plan in plans.get("results", [])[:3]:
    check("/plans/{id}", "/plans/" + plan["id"])
check("/plans/{id}", "/plans/no/such/plan", 404)
if people.get("results"):
    check("/people/{id}", "/people/" + people["results"][0]["id"])
for event in events.get("results", [])[:10]:
    check("/events/{id}", "/events/" + event["id"])
check("/events", "/events?start_date_from=yesterday", 400)
check("/people", "/people?per_page=1000", 400)
check("/events/{id}", "/events/no/such/event", 404)

if token:
    quoted = lambda identifier: urllib.parse.quote(identifier, safe="/")
    awaiting = check("/recommendations", "/recommendations?outcome=awaiting&per_page=100").get("results", [])
    unsent = [r for r in awaiting if r["date_sent"] is None]
    sent = [r for r in awaiting if r["date_sent"] is not None]
    check("/me", "/me", bearer=token)
    check("/me", "/me", 401)
    check("/me", "/me", 401, bearer="qrm_not-a-token")
    check("/exempt", "/exempt", 403, bearer=token)
    check("/warnings", "/warnings", bearer=token)
    # Scheduling is for democratic services: the scrutiny officer's token is refused, and nothing is scheduled.
    check("/events", "/events", 403, "POST", {"committee": "x", "dates": "2030-01-01", "time": "2pm", "venue": "x"}, token)
    slug = organizations["results"][0]["id"].split("/")[-1]
    new = {"committee": slug, "meeting": "2025-03-18", "topic": "End-to-end check", "number": "E1", "text": "Publish the routes.",
           "addressee": "cabinet", "response_rule": "twoMonths"}
    check("/recommendations", "/recommendations", 401, "POST", new)
    check("/recommendations", "/recommendations", 422, "POST", dict(new, meeting="18/03/2025"), token)
    made = check("/recommendations", "/recommendations", 201, "POST", new, token)
    if made.get("id"):
        check("/recommendations/{id}", "/recommendations/" + quoted(made["id"]))
        check("/recommendations/{id}/sent", f"/recommendations/{quoted(made['id'])}/sent", 422, "POST", {"sent": "2999-01-01"}, token)
        check("/recommendations/{id}/sent", f"/recommendations/{quoted(made['id'])}/sent", 200, "POST", {"sent": "2025-03-20"}, token)
        check("/recommendations/{id}/not-pursued", f"/recommendations/{quoted(made['id'])}/not-pursued", 200, "POST", {"reason": "A check."}, token)
        check("/recommendations/{id}/sent", f"/recommendations/{quoted(made['id'])}/sent", 409, "POST", {"sent": "2025-03-20"}, token)
    if unsent:
        target = unsent[-1]
        check("/recommendations/{id}/sent", f"/recommendations/{quoted(target['id'])}/sent", 200, "POST", {"sent": target["meeting_date"]}, token)
    if len(sent) > 1:
        target = sent[-1]
        check("/recommendations/{id}/extension", f"/recommendations/{quoted(target['id'])}/extension", 422, "POST", {"due": "2000-01-03"}, token)
        answered = check("/recommendations/{id}/response", f"/recommendations/{quoted(target['id'])}/response", 200, "POST",
                         {"outcome": "accepted", "received": target["date_sent"], "text": "Accepted, in an end-to-end check."}, token)
        if answered.get("outcome") != "accepted":
            print(f"FAIL the response recorded reads back as {answered.get('outcome')}")
            failures += 1
        check("/recommendations/{id}/implementation", f"/recommendations/{quoted(target['id'])}/implementation", 200, "POST", {"status": "inProgress"}, token)
        check("/recommendations/{id}/close", f"/recommendations/{quoted(target['id'])}/close", 200, "POST", {}, token)
    else:
        print("FAIL the example data has too few recommendations awaiting a response to check the actions on")
        failures += 1
    check("/recommendations/{id}/close", "/recommendations/no/such/recommendation/close", 404, "POST", {}, token)

print(f"{checked} responses checked, {failures} failed")
print(f"{checked - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
