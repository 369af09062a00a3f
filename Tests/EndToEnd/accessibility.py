#!/usr/bin/env python3
"""Checks the public website against WCAG 2.2 AA with axe-core in headless Chromium.

Starts at the home page and follows links to the first committee and its first meeting, then
visits the recommendations tracker and a search. Given --email and --password of an account that may
answer recommendations, it then signs in through the sign-in form, checks the dashboard, opens the
first "Record the response" form, checks it, records a response and confirms the recommendation
page shows it. On every page that exists it runs axe-core 4
(tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa), prints each violation, and saves a 390 px
wide (phone) screenshot. Exits 1 if any violation is serious or critical, or if a page named in
--require is missing.

    python3 Tests/EndToEnd/accessibility.py http://127.0.0.1:8080 --require committee,meeting

Needs Chromium, chromedriver, selenium and axe-playwright-python (Tests/EndToEnd/install.sh).
"""

import argparse
import datetime
import importlib.resources
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import TimeoutException

PUBLIC_PAGES = ["home", "committee", "meeting", "recommendations", "search", "question", "forward-plan", "work-programme", "plan"]
PAGES = PUBLIC_PAGES + ["dashboard", "response"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
PHONE_WIDTH = 390

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done(JSON.stringify({violations: r.violations, version: axe.version})))
  .catch(e => done(JSON.stringify({error: String(e)})));
"""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url", help="where the site runs, e.g. http://127.0.0.1:8080")
    parser.add_argument(
        "--require",
        default="",
        help="comma-separated pages that must exist besides home: " + ",".join(PAGES[1:]) + " (default: only home)",
    )
    parser.add_argument("--screenshots", help="directory for the phone screenshots (default: a new temporary directory)")
    parser.add_argument("--search", default="scrutiny", help="the search query to check (default: scrutiny)")
    parser.add_argument("--question-form", help="the address of a meeting's question form, to check it and ask a question through it")
    parser.add_argument("--email", help="an account to sign in with, to check the dashboard and the response form")
    parser.add_argument("--password", help="its password")
    parser.add_argument("--clerk-email", help="a clerk's account (same password), to schedule a meeting and answer the question asked")
    arguments = parser.parse_args()
    required = {"home"} | {name.strip() for name in arguments.require.split(",") if name.strip()}
    unknown = required - set(PAGES)
    if unknown:
        parser.error("unknown page(s) in --require: " + ", ".join(sorted(unknown)))
    arguments.required = required
    if {"dashboard", "response"} & required and not arguments.email:
        parser.error("--require dashboard or response needs --email and --password")
    return arguments


def http_status(url):
    """The status the server answers with, without following the browser."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError) as error:
        return f"unreachable ({error})"


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


def first_link(driver, base_url, pattern):
    """The first same-site link on the page whose path matches `pattern`."""
    host = urlparse(base_url).netloc
    for anchor in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = urljoin(driver.current_url, anchor.get_attribute("href"))
        parts = urlparse(href)
        if parts.netloc == host and re.fullmatch(pattern, parts.path):
            return href
    return None


def find_committee(driver, base_url):
    """The first committee page linked from the home page, or else from the committee list it links to."""
    committee = r"/committees/[^/]+/?"
    found = first_link(driver, base_url, committee)
    if found is None:
        listing = first_link(driver, base_url, r"/committees/?")
        if listing:
            driver.get(listing)
            found = first_link(driver, base_url, committee)
    return found


def check_page(driver, axe_source, name, url, screenshots):
    """Runs axe on the page and saves a phone screenshot; returns the number of blocking violations."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(url)
    driver.execute_script(axe_source)
    result = json.loads(driver.execute_async_script(RUN_AXE, TAGS))
    if "error" in result:
        print(f"  axe failed: {result['error']}")
        return 1
    violations = result["violations"]
    blocking = 0
    print(f"  axe-core {result['version']}: {len(violations)} violation(s)")
    for violation in violations:
        impact = violation.get("impact") or "unknown"
        nodes = violation.get("nodes", [])
        target = nodes[0]["target"] if nodes else []
        marker = "FAIL" if impact in BLOCKING else "note"
        print(f"  [{marker}] {violation['id']} ({impact}): {violation['help']} — {len(nodes)} node(s), first: {json.dumps(target)}")
        blocking += impact in BLOCKING

    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": PHONE_WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": True}
    )
    height = driver.execute_script("return document.documentElement.scrollHeight")
    overflow = driver.execute_script("return document.documentElement.scrollWidth")
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE_WIDTH, "height": min(max(height, 844), 16000), "deviceScaleFactor": 1, "mobile": True},
    )
    path = os.path.join(screenshots, f"{name}.png")
    driver.save_screenshot(path)
    print(f"  screenshot ({PHONE_WIDTH} px wide): {path}")
    if overflow > PHONE_WIDTH:
        print(f"  [note] the page is {overflow} px wide at {PHONE_WIDTH} px: it scrolls sideways on a phone")
    return blocking


def sign_in(driver, base_url, email, password):
    """Signs in through the form, as a person would; returns a problem, or None on reaching the dashboard."""
    driver.delete_all_cookies()
    driver.get(urljoin(base_url, "sign-in"))
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/sign-in'] button[type=submit]").click()
    # The click returns before the redirect arrives (bcrypt takes a moment), so wait for it.
    try:
        WebDriverWait(driver, 30).until(lambda d: urlparse(d.current_url).path != "/sign-in")
    except TimeoutException:
        pass
    if urlparse(driver.current_url).path != "/dashboard":
        return f"signing in as {email} did not reach the dashboard (at {driver.current_url}): {driver.find_element(By.TAG_NAME, 'main').text[:300]}"
    return None


def submit_and_wait(driver, form_selector, leaving):
    """Submits the form and waits until the browser has left the address `leaving` (or it times out)."""
    driver.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]").click()
    try:
        WebDriverWait(driver, 30).until(lambda d: urlparse(d.current_url).path != leaving)
    except TimeoutException:
        pass


def check_clerk(driver, axe_source, base_url, arguments, screenshots):
    """As a clerk: schedules a meeting through the form, opens its schedule form, then accepts and answers the question
    the resident asked, and checks the public then sees the answer. Axe runs on each form."""
    problem = sign_in(driver, base_url, arguments.clerk_email, arguments.password)
    if problem:
        return [problem]
    driver.quorum_clerk = (arguments.clerk_email, arguments.password)
    problems = []
    new = urljoin(base_url, "meetings/new")
    print(f"schedule: {new}")
    if check_page(driver, axe_source, "schedule", new, screenshots):
        problems.append("axe: the scheduling form has serious or critical violations")
    driver.get(new)
    select = driver.find_element(By.ID, "committee")
    select.find_elements(By.TAG_NAME, "option")[1].click()
    day = datetime.date.today() + datetime.timedelta(days=74)
    driver.find_element(By.ID, "dates").send_keys(f"{day.day} {day.month} {day.year}")
    driver.find_element(By.ID, "time").send_keys("2pm")
    driver.find_element(By.ID, "venue").send_keys("Shire Hall, Hereford")
    submit_and_wait(driver, "main form", "/meetings/new")
    if f"/meetings/{day.isoformat()}" not in driver.current_url:
        return problems + [f"scheduling a meeting did not reach its page (at {driver.current_url})"]
    print(f"  scheduled a meeting: {driver.current_url}")
    schedule = first_link(driver, base_url, r"/committees/[^/]+/meetings/[^/]+/schedule")
    if schedule is None:
        return problems + ["the new meeting's page has no link to move or cancel it"]
    if check_page(driver, axe_source, "reschedule", schedule, screenshots):
        problems.append("axe: the move or cancel form has serious or critical violations")

    questions = urljoin(base_url, "questions")
    print(f"questions: {questions}")
    if check_page(driver, axe_source, "questions", questions, screenshots):
        problems.append("axe: the questions page has serious or critical violations")
    driver.get(questions)
    accept = [b for b in driver.find_elements(By.CSS_SELECTOR, "main form button[type=submit]") if b.text.startswith("Accept")]
    if not accept:
        return problems + ["the questions page offers no question to accept"]
    accept[0].click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.NAME, "answer"))
    driver.find_element(By.NAME, "answer").send_keys("The committee looks at school transport in March.")
    [b for b in driver.find_elements(By.CSS_SELECTOR, "main form button[type=submit]") if b.text.startswith("Publish")][0].click()
    # The page source, not an element: an element found mid-navigation goes stale.
    WebDriverWait(driver, 30).until(lambda d: ": Answered</h3>" in d.page_source)
    driver.delete_all_cookies()
    # Public pages may be kept by a browser for a minute (max-age=60): a fresh address asks the server again.
    driver.get(urljoin(base_url, arguments.question_form.lstrip("/").rsplit("/questions/", 1)[0]) + "?after-answer")
    if "The committee looks at school transport in March." not in driver.page_source:
        problems.append("the answer to the accepted question is not on the public meeting page")
    else:
        print("  accepted and answered the question; the public meeting page shows it")
    problem = sign_in(driver, base_url, arguments.clerk_email, arguments.password)
    if problem:
        return problems + [problem]
    problems += build_agenda(driver, axe_source, base_url, arguments.question_form.rsplit("/questions/", 1)[0], screenshots)
    problems += write_minutes(driver, axe_source, base_url, screenshots)
    for name, path in [("work-programme", "committees/children-and-young-people-scrutiny-committee/work-programme/edit"),
                       ("forward-plan", "forward-plan/edit"), ("scorecard", "committees/children-and-young-people-scrutiny-committee/scorecard")]:
        print(f"{name}: {urljoin(base_url, path)}")
        if check_page(driver, axe_source, name, urljoin(base_url, path), screenshots):
            problems.append(f"axe: the {name} page has serious or critical violations")
    return problems


def minimal_pdf(lines):
    """A one-page PDF setting `lines` in Helvetica, built by hand: what a report writer would upload."""
    text = "\n".join("(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines)
    stream = f"BT /F1 10 Tf 40 800 Td 12 TL\n{text}\nET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    body, offsets = "%PDF-1.4\n", []
    for index, item in enumerate(objects):
        offsets.append(len(body))
        body += f"{index + 1} 0 obj\n{item}\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return body.encode("latin-1")


def click_button(driver, text, leaving=None):
    """Clicks the first submit button whose words start with `text`, and waits for the page to change."""
    buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "main form button[type=submit]") if b.text.startswith(text)]
    if not buttons:
        return False
    before = driver.current_url
    buttons[0].click()
    try:
        WebDriverWait(driver, 30).until(lambda d: d.current_url != before or d.execute_script("return document.readyState") == "complete")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    except TimeoutException:
        pass
    return True


def build_agenda(driver, axe_source, base_url, meeting, screenshots):
    """As a clerk: builds the meeting's agenda (the standard items and a report), uploads the report as a PDF, publishes
    it, and checks the public meeting page shows the item and serves the paper."""
    problems = []
    agenda = urljoin(base_url, meeting.lstrip("/") + "/agenda")
    print(f"agenda: {agenda}")
    if check_page(driver, axe_source, "agenda", agenda, screenshots):
        problems.append("axe: the agenda page has serious or critical violations")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(agenda)
    click_button(driver, "Add the standard items")
    driver.get(agenda)
    driver.find_element(By.ID, "title").send_keys("QUALITY ASSURANCE")
    driver.find_element(By.ID, "description").send_keys("To brief the committee on how practice is audited.")
    driver.find_element(By.ID, "kind").click()
    driver.find_element(By.ID, "lead_officer").send_keys("Director of Children's Services")
    click_button(driver, "Add the item")
    item = first_link(driver, base_url, r"/committees/[^/]+/meetings/[^/]+/agenda/items/7")
    if item is None:
        return problems + [f"the agenda has no item 7 to open after adding one (at {driver.current_url})"]
    print(f"agenda item: {item}")
    if check_page(driver, axe_source, "agenda-item", item, screenshots):
        problems.append("axe: the agenda item's page has serious or critical violations")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(item)
    paper = os.path.join(tempfile.mkdtemp(prefix="quorum-paper-"), "Quality assurance.pdf")
    with open(paper, "wb") as handle:
        handle.write(minimal_pdf([
            "Title of report: Quality assurance", "Meeting: Children and young people scrutiny committee", "Report by: Director of Children's Services",
            "Classification", "Open", "Purpose", "To set out how the quality of social work practice is audited.", "Key considerations",
            "1. Audits are carried out monthly by practice leads.",
        ]))
    driver.find_element(By.ID, "paper").send_keys(paper)
    click_button(driver, "Upload")
    if "To set out how the quality of social work practice is audited." not in driver.page_source:
        problems.append(f"the uploaded report's purpose was not read into the report (at {driver.current_url})")
    else:
        print("  uploaded the report as a PDF; its purpose was read into the report")
    driver.get(agenda)
    click_button(driver, "Publish the agenda")
    driver.delete_all_cookies()
    driver.get(urljoin(base_url, meeting.lstrip("/")) + "?after-publication")
    report = first_link(driver, base_url, r"/committees/[^/]+/meetings/[^/]+/items/7")
    if "QUALITY ASSURANCE" not in driver.page_source or report is None:
        return problems + ["the published agenda's item 7 is not on the public meeting page"]
    driver.get(report)
    download = first_link(driver, base_url, r"/committees/[^/]+/meetings/[^/]+/papers/[0-9a-f]+")
    if download is None or http_status(download) != 200:
        problems.append(f"the public report page {report} does not serve its paper")
    else:
        print(f"  published; the public report page serves the paper at {download}")
    return problems


def write_minutes(driver, axe_source, base_url, screenshots):
    """As a clerk: schedules a meeting for today, writes its minutes with a resolution marked as a recommendation to the
    Cabinet, publishes them, and checks the public tracker shows the recommendation."""
    problems = []
    problem = sign_in(driver, base_url, *driver.quorum_clerk)
    if problem:
        return [problem]
    driver.get(urljoin(base_url, "meetings/new"))
    driver.find_element(By.ID, "committee").find_elements(By.TAG_NAME, "option")[1].click()
    today = datetime.date.today()
    driver.find_element(By.ID, "dates").send_keys(f"{today.day} {today.month} {today.year}")
    driver.find_element(By.ID, "time").send_keys("10am")
    driver.find_element(By.ID, "venue").send_keys("Shire Hall, Hereford")
    submit_and_wait(driver, "main form", "/meetings/new")
    if f"/meetings/{today.isoformat()}" not in driver.current_url:
        return [f"scheduling today's meeting did not reach its page (at {driver.current_url})"]
    minutes = urlparse(driver.current_url).path.rstrip("/") + "/minutes"
    print(f"minutes: {urljoin(base_url, minutes)}")
    if check_page(driver, axe_source, "minutes", urljoin(base_url, minutes), screenshots):
        problems.append("axe: the minutes page has serious or critical violations")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(urljoin(base_url, minutes))
    driver.find_element(By.ID, "minute_title").send_keys("SCHOOL TRANSPORT")
    click_button(driver, "Add the minute")
    minute = first_link(driver, base_url, re.escape(minutes) + r"/\d+")
    if minute is None:
        return problems + [f"the minutes have no minute to open after adding one (at {driver.current_url})"]
    print(f"minute: {minute}")
    if check_page(driver, axe_source, "minute", minute, screenshots):
        problems.append("axe: the minute's page has serious or critical violations")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(minute)
    driver.find_element(By.ID, "text").send_keys("The committee discussed home to school transport.")
    driver.find_element(By.ID, "resolutions").send_keys("That the Cabinet publishes the school transport routes by September.")
    click_button(driver, "Save the minute")
    driver.get(minute)
    driver.find_element(By.CSS_SELECTOR, "#addressee_0 option[value=cabinet]").click()
    click_button(driver, "Mark it as a recommendation")
    driver.get(urljoin(base_url, minutes))
    click_button(driver, "Publish the draft minutes")
    driver.delete_all_cookies()
    driver.get(urljoin(base_url, "recommendations?after-minutes"))
    if "That the Cabinet publishes the school transport routes by September." not in driver.page_source:
        problems.append("the resolution marked as a recommendation is not in the public tracker")
    else:
        print("  published the draft minutes; the tracker shows the recommendation")
    return problems


def check_signed_in(driver, axe_source, base_url, arguments, screenshots):
    """Signs in as a person would, checks the dashboard and the response form, and records a response."""
    problems = []
    problem = sign_in(driver, base_url, arguments.email, arguments.password)
    if problem:
        return [problem]
    print(f"dashboard: {driver.current_url}")
    if check_page(driver, axe_source, "dashboard", driver.current_url, screenshots):
        problems.append("axe: the dashboard has serious or critical violations")
    respond = first_link(driver, base_url, r"/recommendations/[^/]+/[^/]+/[^/]+/response")
    if respond is None:
        if "response" in arguments.required:
            problems.append("the dashboard links to no response form")
        return problems
    print(f"response: {respond}")
    if check_page(driver, axe_source, "response", respond, screenshots):
        problems.append("axe: the response form has serious or critical violations")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(respond)
    driver.find_element(By.ID, "outcome").click()
    for part, value in [("day", "2"), ("month", "12"), ("year", "2026")]:
        driver.find_element(By.ID, f"received-{part}").send_keys(value)
    driver.find_element(By.ID, "text").send_keys("Accepted in full; an action plan follows.")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/response'] button[type=submit]").click()
    # The click returns before the browser has followed the redirect: wait for the recommendation's page.
    WebDriverWait(driver, 30).until(lambda d: not urlparse(d.current_url).path.endswith("/response"))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if "Accepted in full; an action plan follows." not in driver.page_source:
        problems.append(f"the response recorded does not show on {driver.current_url}")
    else:
        print(f"  recorded a response; {driver.current_url} shows it")
    return problems


def ask_question(driver):
    """Asks a question through the form on the page, as a resident would, and checks it was received."""
    for field, value in [("name", "Ann Example"), ("place", "Leominster"), ("email", "ann@example.com"),
                         ("addressee", "The chair of the committee"), ("text", "When will the committee next look at school transport?")]:
        driver.find_element(By.ID, field).send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    try:
        WebDriverWait(driver, 30).until(lambda d: urlparse(d.current_url).path.endswith("/questions/received"))
    except TimeoutException:
        return [f"asking a question did not reach its confirmation (at {driver.current_url})"]
    print(f"  asked a question; {driver.current_url} confirms it")
    return []


def main():
    arguments = parse_arguments()
    base_url = arguments.base_url.rstrip("/") + "/"
    screenshots = arguments.screenshots or tempfile.mkdtemp(prefix="quorum-screenshots-")
    os.makedirs(screenshots, exist_ok=True)
    axe_source = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")

    driver = start_browser()
    problems = []
    blocking = 0
    try:
        urls = {"home": base_url}
        for name in PUBLIC_PAGES:
            url = urls.get(name)
            if name == "recommendations":
                url = urljoin(base_url, "recommendations")
            elif name == "search":
                url = urljoin(base_url, "search?q=" + urllib.request.quote(arguments.search))
            elif name == "plan":
                driver.get(urljoin(base_url, "plans"))
                url = first_link(driver, base_url, r"/plans/[^/]+")
            elif name == "forward-plan":
                url = urljoin(base_url, "forward-plan")
            elif name == "work-programme" and urls.get("committee"):
                url = urls["committee"].rstrip("/") + "/work-programme"
            elif name == "question" and arguments.question_form:
                url = urljoin(base_url, arguments.question_form.lstrip("/"))
            if url is None:
                reason = "no link to one was found"
            else:
                status = http_status(url)
                reason = None if status == 200 else f"{url} answered {status}"
            print(f"{name}: {url or '-'}")
            if reason:
                required = name in arguments.required
                print(f"  {'MISSING' if required else 'skipped'}: {reason}")
                if required:
                    problems.append(f"{name} is required but {reason}")
                continue
            blocking += check_page(driver, axe_source, name, url, screenshots)
            if name == "home":
                urls["committee"] = find_committee(driver, base_url)
            elif name == "committee":
                urls["meeting"] = first_link(driver, base_url, r"/committees/[^/]+/meetings/[^/]+/?")
            elif name == "question":
                problems += ask_question(driver)
        if arguments.email:
            problems += check_signed_in(driver, axe_source, base_url, arguments, screenshots)
        if arguments.clerk_email and arguments.question_form:
            problems += check_clerk(driver, axe_source, base_url, arguments, screenshots)
    finally:
        driver.quit()

    print(f"screenshots: {screenshots}")
    if blocking:
        problems.append(f"{blocking} serious or critical axe violation(s)")
    if problems:
        print("FAILED: " + "; ".join(problems))
        return 1
    print("OK: no serious or critical violations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
