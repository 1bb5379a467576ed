"""Writes examples/: short articles written for Détente, illustrative, not real reports.

Run once with `python scripts/write_examples.py`; its output is committed. The texts below are
invented for the project (real places and offices, invented events) so that every stage has
something to show: several country pairs over several months, web clutter to clean, a wire
story carried by two outlets, and one article in German that is skipped.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

NOTE = "Illustrative article written for the Détente project; not a real news report."
ROOT = Path(__file__).resolve().parent.parent / "examples"

# (id, published, outlet, title, body paragraphs)
JSONL = [
    (
        "ex-2023-01-12-ind-rus-oil",
        "2023-01-12",
        "Eastern Ledger",
        "India and Russia agree to expand oil trade in rupees",
        [
            "NEW DELHI, Jan 12 (PTI) - India and Russia agreed on Thursday to expand crude oil trade settled in rupees, officials in both capitals said.",
            "Petroleum Minister Hardeep Singh Puri met Russian Deputy Prime Minister Alexander Novak in New Delhi and both sides signed a memorandum on long-term supplies.",
            '"Russia has been a reliable partner for India\'s energy security," Puri told reporters after the meeting.',
            "Trade between the two countries crossed USD 35 billion in the first nine months of the financial year.",
        ],
    ),
    (
        "ex-2023-02-03-usa-chn-balloon",
        "2023-02-03",
        "Capital Wire",
        "US condemns Chinese balloon over Montana, Blinken postpones Beijing trip",
        [
            "WASHINGTON (Reuters) - Secretary of State Antony Blinken postponed a planned visit to Beijing on Friday after a Chinese surveillance balloon was spotted over Montana.",
            '"The presence of this balloon in US airspace is a clear violation of our sovereignty and international law," a senior State Department official said.',
            "China's Foreign Ministry said the balloon was a civilian airship used for weather research that had deviated from its course, and expressed regret.",
            "The Pentagon said the balloon posed no military threat to people on the ground.",
        ],
    ),
    (
        "ex-2023-02-27-ind-rus-envoy",
        "2023-02-27",
        "Eastern Ledger",
        "Russian envoy praises defence ties with India, promises S-400 deliveries",
        [
            "Russia's ambassador to India Denis Alipov said on Monday that Moscow will complete deliveries of the S-400 air defence systems to India on schedule.",
            '"Our defence cooperation with India is unprecedented," Alipov said at a conference in New Delhi, adding that both sides were committed to the contract.',
            "Alipov criticised Washington, saying the United States was pressing India to reduce its ties with Moscow.",
            "Russian Foreign Minister Sergei Lavrov will attend the G20 foreign ministers' meeting in New Delhi on March 1-2, news agency TASS reported. (ANI)",
        ],
    ),
    (
        "ex-2023-03-21-chn-rus-summit",
        "2023-03-21",
        "Capital Wire",
        "Xi and Putin pledge deeper partnership at Moscow summit",
        [
            "MOSCOW (AFP) - Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement on Tuesday deepening their strategic partnership.",
            "Putin said Russia would increase energy exports to China and welcomed Beijing's proposals on Ukraine.",
            "The United States said the summit gave Russia diplomatic cover for its war, and urged China not to supply weapons to Moscow.",
        ],
    ),
    (
        "ex-2023-04-18-ind-chn-border",
        "2023-04-18",
        "Himalayan Times Online",
        "India, China hold 18th round of border talks",
        [
            "Indian and Chinese military commanders held the 18th round of talks on Sunday on disengagement along the Line of Actual Control, the Ministry of External Affairs said.",
            "Both sides agreed to maintain peace and tranquility in the border areas and to stay in close contact through military and diplomatic channels.",
            "India has said relations cannot be normal until the border situation is resolved.",
        ],
    ),
    (
        "ex-2023-05-16-ind-rus-payments",
        "2023-05-16",
        "Eastern Ledger",
        "Rupee trade talks with Russia stall over surplus",
        [
            "India and Russia have suspended talks on settling bilateral trade in rupees, officials said on Tuesday, after Moscow complained that it was accumulating billions of rupees it could not use.",
            "Russian officials said the trade imbalance was not acceptable and asked India to find other payment options.",
            "India's exports to Russia fell to USD 3 billion last year while imports rose fivefold, largely because of discounted crude oil.",
        ],
    ),
    (
        "ex-2023-06-21-usa-ind-visit",
        "2023-06-21",
        "Capital Wire",
        "Modi arrives in Washington for state visit",
        [
            "WASHINGTON (AP) - Prime Minister Narendra Modi arrived in Washington on Wednesday for a state visit, the first by an Indian leader in 14 years.",
            "President Joe Biden will host Modi at the White House on Thursday, where the two leaders are expected to sign agreements on jet engines and semiconductors.",
            '"This visit will take our partnership to new heights," Modi said before leaving New Delhi.',
        ],
    ),
    (
        "ex-2023-07-14-ind-rus-s400",
        "2023-07-14",
        "Eastern Ledger",
        "India presses Russia over delayed S-400 deliveries",
        [
            "India has asked Russia to speed up the delayed delivery of the last two S-400 regiments, defence ministry officials said on Friday.",
            "The officials said Moscow had cited the war in Ukraine for the delays and had not given a firm schedule.",
            "Defence Minister Rajnath Singh raised the issue with Russian Defence Minister Sergei Shoigu in a phone call, the ministry said.",
        ],
    ),
    (
        "ex-2023-08-24-brics-summit",
        "2023-08-24",
        "Capital Wire",
        "BRICS invites six nations to join bloc",
        [
            "JOHANNESBURG (Reuters) - The BRICS group of emerging economies invited Saudi Arabia, Iran, Egypt, Argentina, Ethiopia and the United Arab Emirates on Thursday to become members.",
            "South African President Cyril Ramaphosa announced the decision at the end of a three-day summit in Johannesburg.",
            "Russian President Vladimir Putin joined by video link, and Foreign Minister Sergei Lavrov attended in person.",
        ],
    ),
    (
        "ex-2023-09-10-g20-delhi",
        "2023-09-10",
        "Himalayan Times Online",
        "G20 adopts New Delhi declaration, Russia welcomes text on Ukraine",
        [
            "World leaders at the G20 summit in New Delhi adopted a joint declaration on Saturday that called on all states to refrain from the use of force to seek territorial gains.",
            "Russian Foreign Minister Sergei Lavrov welcomed the declaration and praised India's presidency, while Ukraine's Foreign Ministry criticised the text as nothing to be proud of.",
            "Prime Minister Narendra Modi said the African Union had been admitted as a permanent member of the group.",
        ],
    ),
    (
        "ex-2023-09-15-ind-rus-rift",
        "2023-09-15",
        "Eastern Ledger",
        "India cancels Russian helicopter deal, cites delays",
        [
            "India has cancelled a plan to jointly produce Kamov helicopters with Russia, defence officials said on Friday, citing years of delays and disputes over local production.",
            "Russia's embassy in New Delhi said it regretted the decision and accused Western governments of pressuring India.",
            "Analysts said the decision showed growing strain in defence ties between New Delhi and Moscow.",
        ],
    ),
]

# German article: recorded as skipped with its language, not coded.
JSONL_DE = (
    "ex-2023-06-02-deu-fra",
    "2023-06-02",
    "Rheinischer Bote (Beispiel)",
    "Scholz und Macron beraten über Verteidigung",
    [
        "Bundeskanzler Olaf Scholz und der französische Präsident Emmanuel Macron haben am Freitag in Paris über eine engere Zusammenarbeit in der Verteidigungspolitik beraten.",
        "Beide Regierungen wollen gemeinsame Rüstungsprojekte beschleunigen und die Ukraine weiter unterstützen, teilte das Kanzleramt mit.",
    ],
)

# Raw scraped text with web clutter, as a scraper leaves it.
TXT = {
    "2023-01-26-usa-chn-trade.txt": (
        "2023-01-26",
        None,
        """US and China trade officials hold first call of the year
Trade officials say the call was candid and constructive…reports Pacific Dispatch Online

US and China trade officials hold first call of the year

By Staff Reporter

Thursday, January 26, 2023

Commerce Secretary Gina Raimondo spoke by phone with Chinese Commerce Minister Wang Wentao on Thursday, the first call between the two officials this year.

The two sides agreed to keep communication channels open on export controls and supply chains, the Commerce Department said in a statement.

Wang raised China's concerns about US restrictions on semiconductor exports and urged Washington to stop politicising trade, China's commerce ministry said, Xinhua reported.

Share this article

ALSO READ-Markets rise as inflation eases

[td_block_social id="4"]
""",
    ),
    "2023-02-28-ind-rus-envoy-copy.txt": (
        "2023-02-28",
        None,
        """Russia will complete S-400 deliveries to India on time: envoy
Ambassador Alipov says defence cooperation is unprecedented…reports South Asia Monitor Online

Russia's ambassador to India Denis Alipov said on Monday that Moscow will complete deliveries of the S-400 air defence systems to India on schedule.

"Our defence cooperation with India is unprecedented," Alipov said at a conference in New Delhi, adding that both sides were committed to the contract.

Alipov criticised Washington, saying the United States was pressing India to reduce its ties with Moscow.

Russian Foreign Minister Sergei Lavrov will attend the G20 foreign ministers' meeting in New Delhi on March 1-2, news agency TASS reported. (ANI)

Subscribe to our newsletter for daily updates

Read more: Lavrov to visit New Delhi for G20
""",
    ),
    "2023-03-02-ind-rus-lavrov.txt": (
        "2023-03-02",
        None,
        """Lavrov meets Jaishankar on sidelines of G20 ministers' meeting
Ministers review bilateral agenda, discuss Ukraine…reports South Asia Monitor Online

Russian Foreign Minister Sergei Lavrov met External Affairs Minister S. Jaishankar in New Delhi on Wednesday on the sidelines of the G20 foreign ministers' meeting.

The two ministers reviewed trade, energy and defence cooperation, and Jaishankar raised the need for a balanced trade relationship, the Ministry of External Affairs said.

"We discussed the full range of our relations, which remain strong," Lavrov told reporters after the talks.

[mc4wp_form id="12"]
""",
    ),
    "2023-04-05-rus-ukr-strikes.txt": (
        "2023-04-05",
        None,
        """Russian missile strikes hit Ukrainian energy sites
Kyiv says dozens of drones and missiles were shot down overnight

Advertisement

KYIV, April 5 (Reuters) - Russian forces launched a wave of missile and drone strikes on Ukrainian energy infrastructure overnight, Ukraine's air force said on Wednesday.

Ukraine's air defences shot down 21 of 24 drones, the air force said. President Volodymyr Zelenskiy called on Western partners to send more air defence systems.

Russia's Defence Ministry said it had struck military targets and denied hitting civilian sites.

Follow us on Twitter

Related: Zelenskiy asks allies for more air defence
""",
    ),
    "2023-05-10-ind-pak-sco.txt": (
        "2023-05-10",
        None,
        """India, Pakistan trade barbs at SCO meeting in Goa
Jaishankar and Bhutto Zardari clash over terrorism and Kashmir…reports Himalayan Times Online

India, Pakistan trade barbs at SCO meeting in Goa

External Affairs Minister S. Jaishankar accused Pakistan of promoting terrorism after a meeting of Shanghai Cooperation Organisation foreign ministers in Goa on Friday.

Pakistan's Foreign Minister Bilawal Bhutto Zardari rejected the remarks and said India's decisions on Kashmir in 2019 had damaged the prospects for talks, news agency APP reported.

Print this page
""",
    ),
    "2023-06-28-ind-rus-fertilisers.txt": (
        "2023-06-28",
        None,
        """Russia remains top fertiliser supplier to India despite payment hurdles
Supplies rose 250 per cent in a year…reports Eastern Ledger Online

Russia remained India's largest supplier of fertilisers in the year to March, with imports of 4.3 million tonnes, according to data from India's commerce ministry.

Indian importers said payment problems had slowed some contracts, but Russian suppliers continued to offer discounts.

Russian Trade Representative in India Alexei Rybakov said Moscow wanted to double its exports of agricultural products to India.

You may also like: Rupee trade talks stall
""",
    ),
    "2023-08-03-usa-chn-chips.txt": (
        "2023-08-03",
        None,
        """China warns US over new investment curbs
Beijing says it will respond firmly…reports Pacific Dispatch Online

China warned the United States on Thursday that it would take firm measures if Washington went ahead with new restrictions on American investment in Chinese technology companies.

"The US side should stop politicising and weaponising trade and technology issues," Foreign Ministry spokesperson Wang Wenbin told a regular briefing in Beijing.

The White House is expected to issue an executive order restricting investment in semiconductors, quantum computing and artificial intelligence in China.

Comments
""",
    ),
    "2023-09-05-jpn-kor-talks.txt": (
        "2023-09-05",
        None,
        """Japan and South Korea agree to resume security dialogue
Foreign ministers meet in Tokyo after five-year pause…reports Pacific Dispatch Online

TOKYO, Sept 5 (Kyodo) - Japan and South Korea agreed on Tuesday to resume their bilateral security dialogue after a five-year pause, the Japanese Foreign Ministry said.

Foreign Minister Yoshimasa Hayashi and his South Korean counterpart Park Jin also agreed to cooperate with the United States on North Korea's missile programme.

North Korea fired two short-range ballistic missiles into the sea last week, South Korea's military said.
""",
    ),
}

HTML = {
    "2023-03-14-usa-chn-aukus.html": (
        "2023-03-14",
        "Pacific Dispatch",
        "China criticises AUKUS submarine deal",
        "Beijing says the plan risks an arms race in the Asia-Pacific",
        [
            "China's Foreign Ministry said on Tuesday that the submarine deal announced by the United States, Britain and Australia would fuel an arms race and undermine regional peace.",
            '"The three countries have gone further down a wrong and dangerous path," spokesperson Wang Wenbin said at a regular briefing in Beijing.',
            "US President Joe Biden said the nuclear-powered submarines would not carry nuclear weapons and that the deal strengthened stability in the region.",
        ],
    ),
    "2023-05-22-ind-usa-quad.html": (
        "2023-05-22",
        "Capital Wire",
        "Quad leaders meet in Hiroshima after Sydney summit is cancelled",
        "Leaders of India, the US, Japan and Australia pledge cooperation on maritime security",
        [
            "Leaders of the Quad met in Hiroshima on Saturday on the sidelines of the G7 summit after the planned summit in Sydney was cancelled.",
            "Prime Minister Narendra Modi and President Joe Biden agreed to deepen defence and technology cooperation, officials said.",
            "The leaders said they strongly opposed any unilateral action that seeks to change the status quo by force in the Indo-Pacific.",
        ],
    ),
    "2023-07-06-ind-rus-sco-virtual.html": (
        "2023-07-06",
        "Himalayan Times",
        "Putin thanks India at virtual SCO summit",
        "Russian president says Moscow will stand up to sanctions",
        [
            "Russian President Vladimir Putin thanked India for hosting the virtual summit of the Shanghai Cooperation Organisation on Tuesday and said Russia would withstand Western sanctions.",
            "Prime Minister Narendra Modi, who chaired the summit, called for dialogue and diplomacy to end the conflict in Ukraine.",
            "Iran joined the organisation as its ninth member at the summit.",
        ],
    ),
    "2023-08-30-ind-chn-map.html": (
        "2023-08-30",
        "Himalayan Times",
        "India protests over China's new map",
        "New Delhi rejects Beijing's claims to Arunachal Pradesh and Aksai Chin",
        [
            "India lodged a strong protest with China on Tuesday over a new official map that shows Arunachal Pradesh and Aksai Chin as Chinese territory.",
            '"Such steps only complicate the resolution of the boundary question," External Affairs Ministry spokesperson Arindam Bagchi said.',
            "China's Foreign Ministry said the map was a routine exercise of sovereignty and urged India to stay calm.",
        ],
    ),
}

WARC_PAGES = [
    (
        "https://example.org/news/2023/06/ind-rus-defence-dialogue",
        "2023-06-12",
        "Example Courier",
        "India and Russia hold defence dialogue in Moscow",
        "Officials discuss spare parts and joint production",
        [
            "Indian and Russian defence officials met in Moscow on Monday for talks on spare parts supplies and the joint production of military equipment, India's defence ministry said.",
            "The Indian side raised concerns about delays in deliveries, while Russian officials promised to resolve payment issues soon.",
            "India buys more than half of its military hardware from Russia, but has been diversifying its suppliers.",
        ],
    ),
    (
        "https://example.org/news/2023/09/usa-chn-raimondo",
        "2023-09-01",
        "Example Courier",
        "Raimondo visits Beijing, calls for stable trade ties",
        "US commerce secretary meets Chinese premier",
        [
            "US Commerce Secretary Gina Raimondo met Chinese Premier Li Qiang in Beijing on Tuesday and called for a stable economic relationship between the two countries.",
            "Li said China was willing to work with the United States to expand trade and investment, Xinhua reported.",
            "Raimondo said Washington would not compromise on national security in its export controls.",
        ],
    ),
]


def html_page(published: str, outlet: str, title: str, dek: str, paragraphs: list[str], url: str = "") -> str:
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<!-- {NOTE} -->
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | {outlet}</title>
  <meta property="og:title" content="{title}">
  <meta property="og:site_name" content="{outlet}">
  <meta name="description" content="{dek}">
  <meta name="note" content="{NOTE}">
  <meta property="article:published_time" content="{published}T09:00:00+00:00">
  {f'<link rel="canonical" href="{url}">' if url else ""}
</head>
<body>
  <header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav></header>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="dek">{dek}</p>
{body}
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/a">Markets rally on rate hopes</a></li><li><a href="/b">Weather: heavy rain expected</a></li></ul></aside>
  </main>
  <footer><p>Copyright 2023 {outlet}. All rights reserved.</p><p>Sign up for our newsletter</p></footer>
</body>
</html>
"""


def write_jsonl() -> None:
    rows = []
    for id_, published, outlet, title, paragraphs in [*JSONL, JSONL_DE]:
        rows.append(
            {
                "id": id_,
                "title": title,
                "published": published,
                "outlet": outlet,
                "url": None,
                "note": NOTE,
                "text": "\n\n".join(paragraphs),
            }
        )
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (ROOT / "feed.jsonl").write_text(text, encoding="utf-8")


def write_txt() -> None:
    for name, (published, _, body) in TXT.items():
        front = f"---\nnote: {NOTE}\npublished: {published}\n---\n"
        (ROOT / "scraped" / name).write_text(front + body, encoding="utf-8")


def write_html() -> None:
    for name, (published, outlet, title, dek, paragraphs) in HTML.items():
        (ROOT / "pages" / name).write_text(html_page(published, outlet, title, dek, paragraphs), encoding="utf-8")


def write_warc() -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(ROOT / "crawl.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, published, outlet, title, dek, paragraphs in WARC_PAGES:
            payload = html_page(published, outlet, title, dek, paragraphs, url).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"{published}T10:00:00Z"},
            )
            writer.write_record(record)


if __name__ == "__main__":
    for folder in ("scraped", "pages"):
        (ROOT / folder).mkdir(parents=True, exist_ok=True)
    write_jsonl()
    write_txt()
    write_html()
    write_warc()
