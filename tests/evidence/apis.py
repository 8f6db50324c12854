"""Loopback stand-ins for the public APIs, answering with their real JSON shapes.

MediaWiki: action=query&list=search (formatversion=2) and prop=extracts|info; Google Fact Check
Tools: GET v1alpha1/claims:search. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from tests.loopback import Handler, Response

WIKI_PAGES = [
    {
        "pageid": 1841,
        "title": "Relations entre le Kazakhstan et l'Ukraine",
        "snippet": "Le <span class=\"searchmatch\">Kazakhstan</span> a envoyé de l'aide humanitaire",
        "extract": (
            "Les relations entre le Kazakhstan et l'Ukraine sont établies en 1992. "
            "En mars 2022, le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine, dont des médicaments. "
            "Les deux pays sont membres de l'OSCE."
        ),
    },
    {
        "pageid": 77,
        "title": "Kazakhstan",
        "snippet": "Le <span class=\"searchmatch\">Kazakhstan</span> est un pays d'Asie centrale",
        "extract": "Le Kazakhstan est un pays d'Asie centrale. Sa capitale est Astana.",
    },
]


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return status, {"Content-Type": "application/json; charset=utf-8", **(headers or {})}, json.dumps(data).encode()


def mediawiki_search(pages: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "batchcomplete": True,
        "continue": {"sroffset": len(pages), "continue": "-||"},
        "query": {
            "searchinfo": {"totalhits": len(pages)},
            "search": [
                {"ns": 0, "title": p["title"], "pageid": p["pageid"], "size": 5120, "wordcount": 700,
                 "snippet": p["snippet"], "timestamp": "2024-05-02T10:11:12Z"}
                for p in pages
            ],
        },
    }


def mediawiki_extracts(pages: list[dict[str, Any]], ids: list[int], base: str) -> dict[str, Any]:
    return {
        "batchcomplete": True,
        "query": {
            "pages": [
                {"pageid": p["pageid"], "ns": 0, "title": p["title"], "extract": p["extract"],
                 "contentmodel": "wikitext", "pagelanguage": "fr", "touched": "2024-05-02T10:11:12Z",
                 "fullurl": f"{base}/wiki/{p['title'].replace(' ', '_')}"}
                for p in pages if p["pageid"] in ids
            ]
        },
    }


def mediawiki_api(base: Callable[[], str], pages: list[dict[str, Any]] | None = None) -> Handler:
    pages = WIKI_PAGES if pages is None else pages

    def handle(request: dict[str, Any]) -> Response:
        query = request["query"]
        if query.get("action") != "query":
            return json_response({"error": {"code": "badvalue", "info": "Unrecognized action"}})
        if query.get("list") == "search":
            words = query.get("srsearch", "").lower().split()
            hits = [p for p in pages if any(w in (p["title"] + p["extract"]).lower() for w in words)]
            return json_response(mediawiki_search(hits))
        if "extracts" in query.get("prop", ""):
            ids = [int(i) for i in query.get("pageids", "").split("|") if i]
            return json_response(mediawiki_extracts(pages, ids, base()))
        return json_response({"batchcomplete": True})

    return handle


FACTCHECK_TOOLS_ANSWER = {
    "claims": [
        {
            "text": "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine",
            "claimant": "Ministère kazakh des Affaires étrangères",
            "claimDate": "2022-03-01T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "AFP Factuel", "site": "factuel.afp.com"},
                    "url": "https://factuel.afp.com/doc.afp.com.KAZ40",
                    "title": "Oui, le Kazakhstan a bien envoyé 40 tonnes d'aide à l'Ukraine",
                    "reviewDate": "2022-03-04T09:00:00Z",
                    "textualRating": "Vrai",
                    "languageCode": "fr",
                }
            ],
        },
        {
            "text": "Le Kazakhstan a envoyé 400 tonnes d'armes à l'Ukraine",
            "claimant": "Publications Facebook",
            "claimDate": "2022-03-08T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Les Surligneurs", "site": "lessurligneurs.eu"},
                    "url": "https://lessurligneurs.eu/kazakhstan-armes",
                    "title": "Non, le Kazakhstan n'a pas livré 400 tonnes d'armes",
                    "reviewDate": "2022-03-10T15:30:00Z",
                    "textualRating": "Faux",
                    "languageCode": "fr",
                }
            ],
        },
    ],
    "nextPageToken": "CAo",
}


def factcheck_tools_api(answer: dict[str, Any] | None = None, key: str = "test-key") -> Handler:
    answer = FACTCHECK_TOOLS_ANSWER if answer is None else answer

    def handle(request: dict[str, Any]) -> Response:
        if request["query"].get("key") != key:
            return json_response(
                {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
                           "status": "INVALID_ARGUMENT"}},
                status=400,
            )
        return json_response(answer)

    return handle


def failing(status: int = 500, retry_after: str | None = None) -> Handler:
    headers = {"Retry-After": retry_after} if retry_after else {}
    return lambda request: json_response({"error": {"code": status, "message": "backend error"}}, status, headers)


def slow(handler: Handler, seconds: float, started: threading.Event | None = None, times: int = 1) -> Handler:
    """Answer the first `times` requests after `seconds` (signalling `started` when one arrives)."""
    count = {"n": 0}

    def handle(request: dict[str, Any]) -> Response:
        count["n"] += 1
        if count["n"] <= times:
            if started is not None:
                started.set()
            time.sleep(seconds)
        return handler(request)

    return handle
