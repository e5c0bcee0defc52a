"""Turn a file (txt, docx, pdf, html, doc) into plain minutes text.

The format is decided from the bytes, not the extension: government portals
hand out `.doc` files that are HTML and `.txt` files in GBK. Each failure is a
`LoadError` naming the file and the reason, so an ingest can report it and go on.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm", ".doc")


class LoadError(Exception):
    """A file could not be read as minutes; the message names the file and why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


MB = 1024 * 1024  # the same megabyte as Streamlit's upload limit, so 20 MB reads 20 MB everywhere


@dataclass
class LoadedText:
    source: str
    text: str
    fmt: str
    content_hash: str
    warnings: list[str] = field(default_factory=list)
    place: str | None = None  # issuing government set by the user at ingest, for minutes that never name it
    reparse: bool = False  # parse again even though the same text is stored (a set place also re-parses)

    @property
    def page_hash(self) -> str:
        """The content hash of the page this text comes from ('hash#2' → 'hash'; a whole page: its own)."""
        return self.content_hash.partition("#")[0]

    @property
    def part(self) -> int:
        """Which meeting of a page reporting several this text is (content_hash 'hash#2' → 2); 0 for a
        whole page."""
        _, _, part = self.content_hash.partition("#")
        return int(part) if part.isdigit() else 0


def load_file(path: str | Path, max_bytes: int = 20 * 1024 * 1024) -> LoadedText:
    path = Path(path)
    if not path.is_file():
        raise LoadError(str(path), "文件不存在")
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(path.name, f"文件过大（{size / MB:.1f} MB，上限 {max_bytes / MB:g} MB）")
    return load_bytes(path.read_bytes(), path.name, max_bytes=max_bytes)


def load_bytes(data: bytes, name: str, max_bytes: int = 20 * 1024 * 1024) -> LoadedText:
    """Load minutes from raw bytes (used for uploads and files alike)."""
    if not data or not data.strip():
        raise LoadError(name, "文件为空")
    if len(data) > max_bytes:
        raise LoadError(name, f"文件过大（{len(data) / MB:.1f} MB，上限 {max_bytes / MB:g} MB）")
    fmt = sniff_format(data, name)
    warnings: list[str] = []
    suffix = Path(name).suffix.lower()
    expected = {".htm": "html", ".txt": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".doc": "doc"}
    if suffix in expected and expected[suffix] != fmt:
        warnings.append(f"扩展名为 {suffix}，但内容是 {fmt} 格式，已按 {fmt} 读取")
    reader = {"txt": read_text_bytes, "docx": read_docx, "pdf": read_pdf, "html": read_html, "doc": read_doc}[
        fmt
    ]
    text = reader(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise LoadError(name, "未读到任何中文文字（可能是扫描件、加密文件或无关文件）")
    digest = hashlib.sha256(_normalise_for_hash(text).encode("utf-8")).hexdigest()
    return LoadedText(name, text, fmt, digest, warnings)


def _normalise_for_hash(text: str) -> str:
    """Same minutes in another encoding or with other whitespace hash the same."""
    return re.sub(r"\s+", "", text)


def sniff_format(data: bytes, name: str) -> str:
    head = data[:2048]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        raise LoadError(name, "是 ZIP 压缩包但不是 Word 文档（.docx）")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    lowered = head.lower()
    stripped = lowered.lstrip(b"\xef\xbb\xbf \r\n\t")
    if (
        stripped.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<body" in lowered
        or b"<div" in lowered
    ):
        return "html"
    if Path(name).suffix.lower() in (".html", ".htm") and b"<" in head:
        return "html"
    if _looks_binary(data):
        raise LoadError(name, "看起来是二进制文件，不是文本、Word、PDF 或网页")
    return "txt"


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if sample.count(b"\x00") > len(sample) // 8:
        # UTF-16 without BOM has NULs on every other byte; anything else is binary.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return not (even > len(sample) // 4 or odd > len(sample) // 4) or _decodes_utf16(sample) is None
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20


def _decodes_utf16(sample: bytes) -> str | None:
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample[: len(sample) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if _cjk_share(text) > 0.2:
            return codec
    return None


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(
        1
        for ch in text
        if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
    )
    return cjk / max(1, sum(1 for ch in text if not ch.isspace()))


# ------------------------------------------------------------------ txt
def read_text_bytes(data: bytes, name: str) -> str:
    """Decode text: BOMs first, then UTF-8, then the detected legacy Chinese encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _decodes_utf16(data[:4096]) if b"\x00" in data[:4096] else None
    if codec:
        return data.decode(codec, errors="replace")
    return _decode_legacy(data, name)


def _decode_legacy(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best: tuple[float, str] | None = None
    candidates = ["gb18030", "big5"]
    guess = from_bytes(data).best()
    if guess is not None and guess.encoding not in candidates:
        candidates.append(guess.encoding)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _cjk_share(text) + _common_char_share(text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None or best[0] < 0.3:
        raise LoadError(name, "无法识别文字编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5）")
    return best[1]


_COMMON = set("的会议市政府要和在是了工作发展关于建设管理推进对有部门进一步加强审议同意原则")


def _common_char_share(text: str) -> float:
    """Share of very frequent official-Chinese characters: separates GBK from Big5 mojibake."""
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return sum(1 for ch in han if ch in _COMMON) / max(1, len(han)) * 3


# ------------------------------------------------------------------ docx
def read_docx(data: bytes, name: str) -> str:
    """Paragraphs and tables in document order, with Word's automatic list numbers restored."""
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise LoadError(name, f"缺少 python-docx：{exc}") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for corrupt files
        raise LoadError(name, f"Word 文档已损坏或无法打开（{type(exc).__name__}）") from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(node.text or "" for node in child.iter(qn("w:t")))
            prefix = numbering.label_for(child)
            lines.append(prefix + text)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    cells.append("".join(node.text or "" for node in cell.iter(qn("w:t"))).strip())
                lines.append("  ".join(c for c in cells if c))
    return "\n".join(lines)


class _Numbering:
    """Resolve w:numPr automatic numbering (一、 1. （一）) to the text Word would show."""

    FORMATS = {
        "decimal": lambda n: str(n),
        "chineseCounting": lambda n: _cn(n),
        "chineseCountingThousand": lambda n: _cn(n),
        "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
        "japaneseCounting": lambda n: _cn(n),
        "taiwaneseCounting": lambda n: _cn(n),
        "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if n <= 20 else str(n),
        "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if n <= 20 else str(n),
        "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
        "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
        "lowerRoman": lambda n: _roman(n).lower(),
        "upperRoman": lambda n: _roman(n),
    }

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in numbering.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in node.iter(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")))
                fmt = self._val(lvl, "w:numFmt") or "decimal"
                text = self._val(lvl, "w:lvlText") or ""
                start = int(self._val(lvl, "w:start") or 1)
                levels[ilvl] = (fmt, text, start)
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in numbering.iter(qn("w:num")):
            abstract_id = self._val(num, "w:abstractNumId")
            for ilvl, spec in abstract.get(abstract_id, {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec
        for style in document.styles.element.iter(qn("w:style")):
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                num_id = self._val(num_pr, "w:numId")
                ilvl = int(self._val(num_pr, "w:ilvl") or 0)
                if num_id:
                    self.style_num[style.get(qn("w:styleId"))] = (num_id, ilvl)

    def _val(self, node, tag: str) -> str | None:
        child = node.find(self.qn(tag))
        return child.get(self.qn("w:val")) if child is not None else None

    def label_for(self, paragraph) -> str:
        qn = self.qn
        ppr = paragraph.find(qn("w:pPr"))
        if ppr is None:
            return ""
        num_pr = ppr.find(qn("w:numPr"))
        num_id, ilvl = None, 0
        if num_pr is not None:
            num_id = self._val(num_pr, "w:numId")
            ilvl = int(self._val(num_pr, "w:ilvl") or 0)
        else:
            style = ppr.find(qn("w:pStyle"))
            if style is not None and style.get(qn("w:val")) in self.style_num:
                num_id, ilvl = self.style_num[style.get(qn("w:val"))]
        if not num_id or num_id == "0" or (num_id, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, template, start = self.levels[(num_id, ilvl)]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        label = template
        for level in range(ilvl + 1):
            lvl_fmt = self.levels.get((num_id, level), (fmt, "", 1))[0]
            value = counters.get(level, self.levels.get((num_id, level), (fmt, "", 1))[2])
            render = self.FORMATS.get(lvl_fmt, lambda n: str(n))
            label = label.replace(f"%{level + 1}", render(value))
        return label


def _cn(number: int) -> str:
    from ..models import int_to_chinese

    return int_to_chinese(number)


def _roman(number: int) -> str:
    out, values = (
        "",
        [
            (1000, "M"),
            (900, "CM"),
            (500, "D"),
            (400, "CD"),
            (100, "C"),
            (90, "XC"),
            (50, "L"),
            (40, "XL"),
            (10, "X"),
            (9, "IX"),
            (5, "V"),
            (4, "IV"),
            (1, "I"),
        ],
    )
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out


# ------------------------------------------------------------------ pdf
def read_pdf(data: bytes, name: str) -> str:
    """Text layer of a PDF, with lines that wrap at the page margin joined back into paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise LoadError(name, "PDF 已加密，无法读取")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise LoadError(name, f"PDF 已损坏（{exc}）") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError(name, "PDF 没有文字层（扫描件需要先做 OCR）")
    return reflow_wrapped_lines(text)


def reflow_wrapped_lines(text: str) -> str:
    """Join lines broken by page width: a line as long as the page's full lines continues on the next."""
    from .rules import ATTENDANCE_RE, LABEL_STYLES

    lines = [ln.rstrip() for ln in text.split("\n")]
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    if not lengths:
        return text
    full = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        starts_block = any(p.match(stripped) for _, _, p in LABEL_STYLES) or ATTENDANCE_RE.match(stripped)
        if out and out[-1] and stripped and not starts_block and _is_wrapped(out[-1], full):
            out[-1] += stripped
        else:
            out.append(stripped)
    return "\n".join(out)


def _is_wrapped(previous: str, full: int) -> bool:
    return len(previous.strip()) >= full * 0.85 and not previous.rstrip().endswith(
        ("。", "：", ":", "！", "？")
    )


# ------------------------------------------------------------------ html
_BOILERPLATE = re.compile(
    r"nav|menu|footer|header|breadcrumb|crumb|sidebar|share|banner|toolbar|copyright|search|login", re.I
)


def read_html(data: bytes, name: str) -> str:
    """The minutes' text from a portal page: drop navigation, keep the densest text block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "lxml")
    for tag in soup(
        ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select"]
    ):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _BOILERPLATE}) + soup.find_all(attrs={"id": _BOILERPLATE}):
        if tag.decomposed:
            continue
        tag.decompose()
    root = _main_block(soup)
    parts = [_block_text(node) for node in _metadata_blocks(soup, root)] + [_block_text(root)]
    return "\n".join(parts)


def _block_text(node) -> str:
    for br in node.find_all("br"):
        br.replace_with("\n")
    for block in node.find_all(["p", "div", "li", "tr", "h1", "h2", "h3", "h4", "td", "th"]):
        block.insert_after("\n")
    return "\n".join(ln.strip() for ln in node.get_text().split("\n") if ln.strip())


def _metadata_blocks(soup, root) -> list:
    """Portal metadata tables (索引号, 发文日期, 来源 …) outside the main block: kept as evidence of the
    meeting's year and issuer; the parser reads them as metadata, never as body."""
    from .normalize import PORTAL_KEY_RE

    out = []
    for node in soup.find_all(["table", "ul", "dl", "div"]):
        if (
            node is root
            or root in node.parents
            or node in root.parents
            or any(node in o.descendants for o in out)
        ):
            continue
        if len(PORTAL_KEY_RE.findall(" " + node.get_text(" "))) >= 2 and len(node.get_text()) < 1500:
            out.append(node)
    return out


def _main_block(soup):
    """The smallest block holding most of the page's running text (Chinese characters outside links).

    Counting every text node, not only <p>: portals also lay minutes out as <div> lines or
    <br>-separated text, and a block judged by its <p> alone kept a one-line summary instead.
    """
    root = soup.body or soup
    nodes = [root, *root.find_all(["article", "div", "section", "td", "main"])]
    scored = [(_running_han(node), len(node.get_text()), node) for node in nodes]
    most = max(han for han, _, _ in scored)
    if most == 0:
        return root
    return min((entry for entry in scored if entry[0] >= 0.75 * most), key=lambda entry: entry[1])[2]


def _running_han(node) -> int:
    """Chinese characters in a node's text, less those inside links (navigation, related articles)."""

    def han(text: str) -> int:
        return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")

    return han(node.get_text()) - sum(han(a.get_text()) for a in node.find_all("a"))


# ------------------------------------------------------------------ doc
def read_doc(data: bytes, name: str) -> str:
    """Legacy .doc via LibreOffice headless, the one converter that reads them faithfully."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        raise LoadError(
            name,
            "旧版 Word（.doc）需要 LibreOffice 转换：请安装（apt-get install libreoffice-writer）或另存为 .docx 后再导入",
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        try:
            subprocess.run(
                [office, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True,
                capture_output=True,
                timeout=120,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise LoadError(name, f"LibreOffice 转换 .doc 失败（{exc}）") from exc
        out = Path(tmp) / "input.docx"
        if not out.exists():
            raise LoadError(name, "LibreOffice 未能生成 .docx")
        return read_docx(out.read_bytes(), name)
