import Hummingbird

extension HTML {
    /// `page` inside the site's layout: the header (with the signed-in account, if any: pages for them are never
    /// cached for anyone else), the page's content, and the footer.
    init(_ page: some PageView, status: HTTPResponse.Status = .ok) {
        let account = SignedIn.account
        var h = HTMLWriter()
        h += """
            <!doctype html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(page.title) – Quorum</title>
            <link rel="stylesheet" href="/assets/quorum.css">
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header">
            <div class="width">
            <a class="site-name" href="/">Quorum</a>
            <nav class="site-nav" aria-label="Main">
            <ul>
            <li><a href="/committees">Committees</a></li>
            <li><a href="/recommendations">Recommendations</a></li>
            <li><a href="/work-programme">Work programme</a></li>
            <li><a href="/forward-plan">Forward plan</a></li>
            <li><a href="/plans">Improvement plans</a></li>
            <li><a href="/search">Search</a></li>
            </ul>
            </nav>

            """
        if let account {
            h += """
                <div class="account-bar">
                <p>Signed in as \(account.name) (\(account.role)). <a href="/dashboard">Your dashboard</a> · <a href="/account/password">Change password</a></p>
                <form method="post" action="/sign-out"><input type="hidden" name="csrf_token" value="\(account.csrfToken)"><button type="submit" class="link-button">Sign out</button></form>
                </div>

                """
        }
        h += """
            </div>
            </header>
            <main id="main" class="width">

            """
        page.write(to: &h)
        h += """
            </main>
            <footer class="site-footer">
            <div class="width">
            <p>Agendas, reports and minutes are public records under the Local Government Act 1972. Exempt information is never shown here.</p>

            """
        if account == nil {
            h += "<p><a href=\"/sign-in\">Sign in</a> (council officers and councillors).</p>\n"
        }
        h += """
            <p>Open data: <a href="/api/v1/openapi.json">JSON API</a>, <a href="/calendar.ics">meetings calendar</a>, <a href="/feed.atom">papers and responses feed</a>, <a href="/recommendations.csv">recommendations (CSV)</a>, <a href="/work-programme.csv">work programme (CSV)</a>.</p>
            </div>
            </footer>
            </body>
            </html>

            """
        self.init(html: h.html, status: status)
    }
}
