"""Content-Security-Policy violations seen by Chromium, collected for a whole browser context.

Every page of the context reports `securitypolicyviolation` events (and Chromium's console line for
them) into one list, across navigations, so a browser test can end with `assert violations == []`.
"""

from __future__ import annotations

from typing import Any

_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}`
                        + (e.sample ? ` (${e.sample})` : ''));
});
"""


def watch_csp(context: Any) -> list[str]:
    violations: list[str] = []
    context.expose_function("__cspViolation", lambda report: violations.append(report))
    context.add_init_script(_LISTENER)

    def on_page(page: Any) -> None:
        page.on("console", lambda msg: violations.append(f"console: {msg.text}")
                if "Content Security Policy" in msg.text else None)

    context.on("page", on_page)
    return violations
