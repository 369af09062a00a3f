#!/usr/bin/env python3
"""Validates real API responses from a running Quorum server against its own OpenAPI 3.1 document.

Usage: openapi_check.py BASE_URL   (e.g. http://127.0.0.1:8080)

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


def fetch(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


status, document = fetch("/api/v1/openapi.json")
assert status == 200, f"openapi.json answered {status}"
validate_spec(document)
print("OpenAPI document is valid OpenAPI 3.1")

failures = 0
checked = 0


def check(template, path, expected_status=200):
    """Fetches /api/v1 + path and validates it against the schema for `template` and the status."""
    global failures, checked
    status, body = fetch("/api/v1" + path)
    if status != expected_status:
        print(f"FAIL {path}: status {status}, expected {expected_status}")
        failures += 1
        return body
    operation = document["paths"][template]["get"]
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
if people.get("results"):
    check("/people/{id}", "/people/" + people["results"][0]["id"])
for event in events.get("results", [])[:10]:
    check("/events/{id}", "/events/" + event["id"])
check("/events", "/events?start_date_from=yesterday", 400)
check("/people", "/people?per_page=1000", 400)
check("/events/{id}", "/events/no/such/event", 404)

print(f"{checked} responses checked, {failures} failed")
print(f"{checked - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
