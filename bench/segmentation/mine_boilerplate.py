#!/usr/bin/env python3
"""Mine page-furniture (boilerplate) lines from the article-extraction-benchmark pages.

For each page in ../shared/data/articles/aeb/html/<id>.html.gz the visible text is
split into lines at block-level elements (lxml), and short lines (<= 12 words; CJK
counted as ~2 characters per word) that are not part of the gold article body are
collected, normalised (lowercase, digits -> 0, whitespace collapsed, bullets and
separators trimmed), counted (pages and occurrences) and categorised with
multilingual patterns.  Short lines of the GOLD bodies that look like boilerplate
are reported as false-positive traps.

  .venv/bin/python bench/segmentation/mine_boilerplate.py \
      --tsv bench/segmentation/boilerplate-lines.tsv --json /tmp/boilerplate-mining.json

Needs lxml (scripts/requirements-bench.txt).
"""

import argparse
import collections
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

import lxml.html
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
AEB = REPO.parent / "shared" / "data" / "articles" / "aeb"
MAX_WORDS = 12

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "center",
    "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "label", "legend", "li", "main", "menu", "nav", "noscript", "ol", "option", "p", "pre",
    "section", "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "textarea", "iframe", "img", "input",
}
DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object",
        "embed", "canvas", "math", "select", "option", "textarea"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# ---------------------------------------------------------------------------
# categories: checked in order on the normalised line; first match wins.
# Patterns are anchored loosely: short lines only, so "contains" is acceptable.
SOCIAL = ("facebook|twitter|x|instagram|youtube|linkedin|pinterest|reddit|whatsapp|telegram|"
          "flipboard|tumblr|snapchat|tiktok|vk|vkontakte|ok|odnoklassniki|messenger|facebook messenger|"
          "google\\+|google plus|rss|rss feed|rss feeds|weibo|wechat|微信|微博|line|kakaotalk|"
          "카카오톡|카카오스토리|페이스북|트위터|naver|네이버 블로그|mastodon|threads|bluesky")
SECTIONS = ("home|homepage|menu|main menu|search|close|open|next|previous|prev|back|top|sections|"
            "all sections|news|local|local news|sports?|business|politics|opinion|world|world news|"
            "u\\.?s\\.?|uk|nation|national|international|tech|technology|science|health|"
            "entertainment|lifestyle|life|travel|culture|arts?|arts & culture|style|fashion|food|"
            "books|music|movies|film|tv|television|celebrity|video|videos|photos?|photo galleries|"
            "galleries|features|reviews|columnists|columns|editorials|letters|obituaries|"
            "weather|traffic|markets?|economy|money|finance|real estate|cars|autos|jobs|"
            "classifieds|events|shop|shopping|deals|games|puzzles|crosswords?|horoscopes?|"
            "education|environment|religion|blogs?|podcasts?|newsletters?|apps?|e-?edition|"
            "contact( us)?|about( us)?|help|faq|careers|advertise( with us)?|sitemap|site map|"
            "archives?|press|media kit|staff|our team|masthead|golf|tennis|football|soccer|nfl|nba|mlb|"
            "nhl|college sports|europe|asia|africa|americas|middle east|latest|popular|"
            "magazine|multimedia|living|parenting|corrections|shows|connect|all|more sections|"
            "início|página inicial|notícias|esportes|economia|política|fale conosco|quem somos|"
            "categorias|buscar|pesquisar|cerca|altro|contatti|chi siamo|startseite|suche|kontakt|"
            "impressum|accueil|rechercher|actualités|inicio|buscar|noticias|contacto|"
            "главная|новости|поиск|меню|контакты|о нас|홈|뉴스|검색|전체메뉴|首页|新闻|搜索|"
            "サイトマップ|ホーム|お問い合わせ|検索|zurück zur übersicht|форум|forum|fórum|الرئيسية|أخبار|بحث|اتصل بنا|من نحن")
CATEGORIES = [
    ("cookie", r"cookie|gdpr|privacy (settings|preferences)|consent (preferences|settings|manager)|"
               r"куки|файлы cookie|쿠키|ملفات تعريف الارتباط|ملفات الكوكيز"),
    ("comment", r"^(\W*0+ )?comments?\b|\bcomments?$|leave a (comment|reply)|post a comment|"
                r"add (a |your )?comment|view comments|show comments|loading comments|"
                r"to post a comment|you are commenting|commenting using|comments are closed|"
                r"comments? rss|join the (discussion|conversation)|^repl(y|ies)$|"
                r"comentári|comentar\b|deixe (um|seu) coment|commentaire|commento|commenti|"
                r"kommentar|коммент|댓글|评论|留言|コメント|تعليق|التعليقات|disqus"),
    ("share", r"^share\b|\bshare (this|on|via|article|story|with|permalink)|\bshare$|^tweet$|"
              r"\bpin it\b|sharing options|^(email|e-mail|print|copy link|copy url|sms|"
              r"email this|print this|send)$|compartilh|compartir|partag|condividi|teilen|"
              r"поделит|공유|分享|シェア|مشاركة|شارك"),
    ("social link", r"^(" + SOCIAL + r")$|^(follow|find|like) us on (" + SOCIAL + r")$"),
    ("subscribe/newsletter", r"subscri|newsletter|sign up|signup|inscreva|assine|assinatura|"
                             r"abonn|abonnieren|iscriviti|suscr[ií]b|подпис|рассылк|구독|订阅|購読|"
                             r"اشترك|النشرة|in your inbox|daily briefing"),
    ("follow us", r"follow (us|@|me|the )|^follow @|siga|suivez|folge uns|seguici|síguenos|"
                  r"подписывайтесь|мы в соцсетях|팔로우|关注我们|تابعونا|تابعنا|find us on|"
                  r"like us on|connect with us|stay connected"),
    ("read more/related", r"read (more|next|also|the full|full)|^more (stories|news|from|on|in|articles|"
                          r"headlines|videos)|related|recommended|you may (also )?like|"
                          r"you might (also )?like|don'?t miss|most (read|popular|viewed|shared|"
                          r"watched|commented)|^trending|top stories|latest (news|stories|articles|"
                          r"headlines|videos)|what to read next|up next|see also|also read|"
                          r"continue reading|show more|load more|view more|see more|^more$|"
                          r"learn more|leia (mais|também)|veja (também|mais)|mais lidas|"
                          r"lire (aussi|la suite|plus)|à lire aussi|weiterlesen|mehr zum thema|"
                          r"leer más|lee también|leggi anche|articoli correlati|"
                          r"читайте (также|тоже)|читать (далее|также)|по теме|самое читаемое|"
                          r"weitere beiträge|популярное|материалы по теме|관련 ?기사|人気記事|新着記事|많이 본|더보기|相关|推荐|阅读更多|関連記事|"
                          r"اقرأ أيض|اقرأ المزيد|المزيد|ذات صلة|الأكثر قراءة"),
    ("advertisement", r"^advertis|advertisement|^sponsored|sponsored (content|by|links?)|"
                      r"^ads?$|^promoted|paid (post|content)|partner content|publicidade|"
                      r"publicidad|publicité|pubblicità|anzeige|werbung|реклама|광고|广告|広告|"
                      r"إعلان|story continues below|article continues below|continue reading below"),
    ("copyright/legal", r"©|\(c\) ?0|copyright|all rights reserved|todos os direitos|"
                        r"todos los derechos|tous droits|tutti i diritti|alle rechte|все права|"
                        r"무단 ?전재|저작권|版权|著作権|جميع الحقوق|^privacy\b|privacy policy|"
                        r"terms (of|and|&) (use|service|conditions)|^terms\b|disclaimer|"
                        r"política de privacidade|termos de uso|политика конфиденциальности|"
                        r"пользовательское соглашение|이용약관|개인정보|隐私|プライバシー|"
                        r"سياسة الخصوصية|registered trademark|accessibility|ad ?choices"),
    ("login/account", r"^(sign in|log ?in|log out|logout|sign out|register|my account|"
                      r"create (an )?account|login/register|entrar|iniciar sesión|accedi|anmelden|"
                      r"se connecter|connexion|войти|вход|регистрация|로그인|회원가입|登录|注册|"
                      r"ログイン|تسجيل الدخول)\b|forgot (your )?password|already a subscriber|"
                      r"(log|sign) in with"),
    ("navigation", r"^(" + SECTIONS + r")$|skip to|back to top|toggle navigation|open menu|"
                   r"close menu|^page 0|^0 of 0$|^next (article|story|post)|^previous (article|"
                   r"story|post)|^(next|previous) post\b"),
    ("language switch", r"^(english|español|français|deutsch|italiano|português|русский|العربية|"
                        r"中文|简体中文|繁體中文|日本語|한국어|edition|international edition)$|"
                        r"阅读简体中文版|閱讀繁體中文版|^العربية.*рус"),
    ("numbers/dates", r"^[0\W_]+$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? "
                      r"0{1,2},? 0{4}|^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? (jan|feb|mar|apr|may|"
                      r"jun|jul|aug|sep|oct|nov|dec)|^0{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|"
                      r"oct|nov|dec)[a-z]* 0{4}$|\b0+ (min|mins|minutes?|hours?|hrs?|days?) ago\b|"
                      r"^0+ min read|0{4}年0{1,2}月0{1,2}日"),
    ("byline", r"^(by|por|par|von|di|автор|글|记者|بقلم)( |$)|^written by|^posted (by|on|in)|"
               r"^(published|updated|last updated)\b|^atualizad|^publicad|^опубликовано|"
               r"^обновлено|^입력|^수정|^发布|reporter$|correspondent$|staff writer|"
               r"contributor$|^about the author"),
    ("media/caption", r"^(photo|image|video|graphic|illustration|getty images|ap photo|"
                      r"shutterstock|istock)\b|^image (caption|copyright)|\((photo|image)\b|"
                      r"/ getty|^play video|^watch (live|now|video)|^listen\b|^0:00$"),
    ("tags/topics", r"^(tags?|topics?|filed under|categories|category|tagged|mots-clés|tópicos|"
                    r"temas|теги|тэги|태그|标签|タグ|الوسوم)\b:?"),
]
CATEGORY_RES = [(name, re.compile(p, re.I)) for name, p in CATEGORIES]

TRAP_EXTRA = re.compile(r"\b(share|shares|comment|comments|advertis\w*|subscribe\w*|follow|"
                        r"cookie\w*|related|copyright|read more|newsletter|sign in)\b", re.I)


def categorize(norm):
    for name, rx in CATEGORY_RES:
        if rx.search(norm):
            return name
    return "other"


# ---------------------------------------------------------------------------

def is_hidden(el):
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data):
    """Declared charset if any, else UTF-8, else cp1252 (avoids lxml's latin-1 mojibake)."""
    m = CHARSET.search(data[:50000])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii").lower(), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def visible_lines(html_bytes):
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_html(html_bytes))
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return [], None
    lang = root.get("lang") or root.get("xml:lang")
    if not lang:
        for meta in root.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() in ("og:locale", "language",
                                                                            "content-language"):
                lang = meta.get("content")
                break
    parts = []

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment / processing instruction
            if el.tail:
                parts.append(el.tail)
            return
        tag = tag.lower()
        if tag in DROP or is_hidden(el):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in BLOCK
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts)
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            lines.append(line)
    return lines, lang


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def word_count(line):
    cjk = len(CJK.findall(line))
    other = len(CJK.sub(" ", line).split())
    return other + (cjk + 1) // 2


STRIP_CHARS = " \t|•·»«›‹>–—-:*/\\,;_~=+#"


def normalise(line):
    s = unicodedata.normalize("NFKC", line).lower()
    s = re.sub(r"\d", "0", s)
    s = re.sub(r"\s+", " ", s).strip(STRIP_CHARS + "\u00a0")
    return s


def space_norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip().lower()


SCRIPTS = [
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
]


def script_lang(text):
    counts = {code: len(rx.findall(text)) for code, rx in SCRIPTS}
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if n >= 5 and n >= 0.05 * max(1, len(text)):
        if code == "zh" and counts["ja"] > 0.1 * n:
            return "ja"
        return code
    return None


STOPWORDS = {
    "en": "the and of to is that with for was are this have from not but",
    "pt": "de do da dos das em com para os uma não são também está pelo pela mais como foi",
    "es": "el los las del con para una por que también está según pero muy como fue",
    "fr": "le les des est une pour avec dans qui été sur pas aux ces mais",
    "de": "und der die das nicht mit ist ein eine den dem auch sich auf für",
    "it": "il della delle degli che per sono anche questo nella gli di una non è",
    "id": "yang dan dengan untuk dari ini itu adalah tidak dalam akan pada",
}
STOP_RES = {k: re.compile(r"\b(" + "|".join(v.split()) + r")\b", re.I) for k, v in STOPWORDS.items()}
TLD_LANG = {"br": "pt", "pt": "pt", "ru": "ru", "it": "it", "de": "de", "fr": "fr", "es": "es",
            "jp": "ja", "kr": "ko", "cn": "zh", "id": "id"}


def page_language(lang_attr, body, url):
    """Script of the gold body; else a clear stop-word winner; else the site's TLD;
    else <html lang>; else the stop-word winner; else English."""
    s = script_lang(body)
    if s:
        return s
    words = max(1, len(body.split()))
    ratios = {k: len(rx.findall(body)) / words for k, rx in STOP_RES.items()}
    best = max(ratios, key=ratios.get)
    second = sorted(ratios.values())[-2]
    if ratios[best] > 0.08 and ratios[best] > 1.5 * second:
        return best
    m = re.match(r"https?://([^/:]+)", url or "")
    if m:
        tld = m.group(1).rsplit(".", 1)[-1].lower()
        if tld in TLD_LANG:
            return TLD_LANG[tld]
    if lang_attr:
        return lang_attr.split("-")[0].split("_")[0].lower()
    return best if ratios[best] > 0.02 else "en"


def line_language(line, page_lang):
    s = script_lang(line) if len(line) >= 2 else None
    if s:
        return s
    if re.search(r"[A-Za-z]", line) and page_lang in ("ko", "zh", "ja", "ru", "ar"):
        return "en"  # Latin-script line on a non-Latin page: usually English UI text
    return page_lang


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--aeb", default=str(AEB))
    ap.add_argument("--tsv", help="write line/count/category TSV here")
    ap.add_argument("--json", help="write full mining results (for the report) here")
    ap.add_argument("--min-pages", type=int, default=2,
                    help="uncategorised lines need at least this many pages for the TSV")
    args = ap.parse_args(argv)

    aeb = Path(args.aeb)
    gt = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    pages = collections.Counter()        # norm line -> number of pages
    occ = collections.Counter()          # norm line -> occurrences
    examples = {}                        # norm line -> first raw form
    langs = collections.defaultdict(collections.Counter)  # norm -> lang -> pages
    page_langs = {}
    traps = []
    gold_lines_all = []
    stats = collections.Counter()

    for pid in sorted(gt):
        body = gt[pid]["articleBody"]
        path = aeb / "html" / f"{pid}.html.gz"
        if not path.exists():
            stats["missing_html"] += 1
            continue
        lines, lang_attr = visible_lines(gzip.open(path).read())
        plang = page_language(lang_attr, body, gt[pid].get("url", ""))
        page_langs[pid] = {"lang": plang, "lang_attr": lang_attr, "url": gt[pid].get("url")}
        gold_lines = [space_norm(x) for x in body.split("\n") if x.strip()]
        gold_set = set(gold_lines)
        gold_text = " ".join(gold_lines)
        for gl in gold_lines:
            gold_lines_all.append((pid, plang, gl))
        seen = set()
        stats["pages"] += 1
        for raw in lines:
            stats["lines"] += 1
            if word_count(raw) > MAX_WORDS:
                continue
            sn = space_norm(raw)
            in_gold = sn in gold_set or (word_count(raw) >= 4 and sn in gold_text)
            if in_gold:
                stats["short_in_gold"] += 1
                continue
            norm = normalise(raw)
            if not norm or not re.search(r"\w", norm):
                continue
            stats["short_not_gold"] += 1
            occ[norm] += 1
            examples.setdefault(norm, raw)
            if norm not in seen:
                seen.add(norm)
                pages[norm] += 1
                langs[norm][line_language(raw, plang)] += 1

    # false-positive traps: short gold lines that a furniture filter would hit
    furniture = {n for n, c in pages.items() if c >= 2}
    for pid, plang, gl in gold_lines_all:
        if word_count(gl) > MAX_WORDS:
            continue
        norm = normalise(gl)
        cat = categorize(norm)
        why = []
        if norm in furniture:
            why.append(f"equals furniture line seen on {pages[norm]} pages")
        if cat not in ("other", "numbers/dates"):
            why.append(f"matches pattern '{cat}'")
        elif TRAP_EXTRA.search(gl):
            why.append("contains a furniture keyword")
        if why:
            traps.append({"page": pid[:12], "lang": plang, "line": gl, "category": cat,
                          "why": "; ".join(why)})

    rows = []
    for norm, n in pages.items():
        cat = categorize(norm)
        if cat == "other" and n < args.min_pages:
            continue
        rows.append({"line": norm, "example": examples[norm], "pages": n, "count": occ[norm],
                     "category": cat, "langs": dict(langs[norm])})
    rows.sort(key=lambda r: (-r["pages"], -r["count"], r["line"]))

    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as fh:
            fh.write("line\tcount\tcategory\tpages\tlanguages\n")
            for r in rows:
                line = r["line"].replace("\t", " ")
                lang_s = ",".join(f"{k}:{v}" for k, v in sorted(r["langs"].items(), key=lambda kv: -kv[1]))
                fh.write(f"{line}\t{r['count']}\t{r['category']}\t{r['pages']}\t{lang_s}\n")
    result = {"stats": dict(stats), "page_langs": page_langs, "rows": rows, "traps": traps}
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

    # console summary
    print(json.dumps(dict(stats)), file=sys.stderr)
    print("page languages:", collections.Counter(v["lang"] for v in page_langs.values()).most_common(),
          file=sys.stderr)
    bycat = collections.defaultdict(list)
    for r in rows:
        bycat[r["category"]].append(r)
    for cat, rs in sorted(bycat.items(), key=lambda kv: -sum(r["pages"] for r in kv[1])):
        print(f"\n## {cat}: {len(rs)} distinct lines, {sum(r['pages'] for r in rs)} page-hits")
        for r in rs[:25]:
            print(f"  {r['pages']:3d} {r['count']:4d}  {r['line'][:80]}  {dict(r['langs'])}")
    print(f"\n## traps: {len(traps)}")
    for t in traps:
        print(f"  [{t['lang']}] {t['line'][:90]!r}  -- {t['why']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
