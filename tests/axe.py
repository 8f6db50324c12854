"""axe-core (from the npm registry, installed by `make test` with `npm ci`) run inside Chromium.

The script is evaluated through the DevTools protocol (page.evaluate), which the page's
Content-Security-Policy does not govern: no inline <script> is added, so the CSP watch stays strict.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from tests.conftest import missing_service

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    if not AXE.exists():
        missing_service(f"axe-core is not installed at {AXE} (run `npm ci`, as `make test` does)")
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any, *, impacts: tuple[str, ...] = BLOCKING) -> list[str]:
    """The page's accessibility violations of these impacts, one readable line per failing node."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
        }"""
    )
    return [f"{v['impact']} {v['id']} ({v['help']}): {node}" for v in result if v["impact"] in impacts
            for node in v["nodes"]]
