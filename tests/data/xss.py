"""A corpus of script-injection payloads, written for Majlis from the published attack classes
(HTML injection, event handlers, URL schemes, SVG/MathML namespaces, attribute and context breakouts,
mutation XSS, encodings, template injection, DOM clobbering, CSS). Every payload would set
`window.__xss` or open a dialog if any layer ever treated comment text as markup."""

from __future__ import annotations

RUN = "window.__xss=1"
HANDLERS = ["onerror", "onload", "onfocus", "onmouseover", "onclick", "onanimationstart", "ontoggle",
            "onpointerenter", "onbegin", "onstart"]
TAGS = [
    '<img src=x {h}="{js}">', '<svg {h}="{js}"></svg>', '<body {h}="{js}">', '<iframe {h}="{js}"></iframe>',
    '<video src=x {h}="{js}"></video>', '<audio src=x {h}="{js}">', '<details open {h}="{js}">',
    '<input autofocus {h}="{js}">', '<marquee {h}="{js}">x</marquee>', '<object data=x {h}="{js}">',
]
CLASSES = [
    # script elements and breakouts
    "<script>{js}</script>", "<SCRIPT>{js}</SCRIPT>", "<scr<script>ipt>{js}</scr</script>ipt>",
    "</script><script>{js}</script>", "<script src=data:text/javascript,{js}></script>",
    "<script>/*</script><script>{js}//*/</script>", "'\"><script>{js}</script>", "--><script>{js}</script>",
    "]]><script>{js}</script>", "</textarea><script>{js}</script>", "</title><script>{js}</script>",
    "</style><script>{js}</script>", "<noscript><p title=\"</noscript><img src=x onerror={js}>\">",
    # URL schemes
    "<a href=\"javascript:{js}\">click</a>", "<a href=\"JaVaScRiPt:{js}\">x</a>", "<a href=\"java&#x09;script:{js}\">x</a>",
    "<a href=\"data:text/html,<script>{js}</script>\">x</a>", "javascript:{js}", "<iframe src=\"javascript:{js}\"></iframe>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>", "<form action=\"javascript:{js}\"><button>x</button></form>",
    "<object data=\"javascript:{js}\"></object>", "<embed src=\"javascript:{js}\">", "<base href=\"javascript:{js}//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:{js}\">", "<link rel=import href=\"data:text/html,<script>{js}</script>\">",
    # SVG and MathML
    "<svg><script>{js}</script></svg>", "<svg><animate onbegin={js} attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:{js}\"><text x=20 y=20>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror={js}>", "<svg><foreignObject><img src=x onerror={js}></foreignObject></svg>",
    "<svg><set attributeName=onload to={js} />",
    # attribute breakouts
    "\" onmouseover=\"{js}\" x=\"", "' onfocus='{js}' autofocus='", "\"><img src=x onerror={js}>",
    "' ><svg onload={js}>", "`><img src=x onerror={js}>", "\" autofocus onfocus=\"{js}",
    # encodings
    "&lt;script&gt;{js}&lt;/script&gt;", "&#60;script&#62;{js}&#60;/script&#62;", "\\u003cscript\\u003e{js}\\u003c/script\\u003e",
    "%3Cscript%3E{js}%3C/script%3E", "<img src=x onerror=&#x77;&#x69;&#x6e;dow.__xss=1>", "＜script＞{js}＜/script＞",
    "<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>", "<svg/onload={js}>", "<img/src/onerror={js}>",
    # templates and DOM clobbering
    "{{{{constructor.constructor('{js}')()}}}}", "${{{js}}}", "<div id=majlis-comments><form id=x>", "<img name=getElementById>",
    "[click](javascript:{js})", "<style>@import 'javascript:{js}';</style>", "<div style=\"background:url(javascript:{js})\">",
    "<div style=\"width:expression({js})\">", "<x contenteditable onblur={js}>lose focus</x>", "<keygen autofocus onfocus={js}>",
    "<isindex type=image src=1 onerror={js}>", "<table background=\"javascript:{js}\">", "<xmp><p title=\"</xmp><img src=x onerror={js}>\">",
]


def payloads() -> list[str]:
    """Every payload, each distinct."""
    out = [c.format(js=RUN) for c in CLASSES]
    out += [t.format(h=h, js=RUN) for t in TAGS for h in HANDLERS[:5]]
    return list(dict.fromkeys(out))


assert len(payloads()) >= 100, len(payloads())
