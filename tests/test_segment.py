"""segment.py: the fast POS tokenisation gives exactly what jieba.posseg gives (jieba as the oracle)."""
import random

from pipeline import segment

# self-written report phrases with the characters the pages mix in: ASCII words and digits, decimals,
# spaces, tabs, line breaks, full-width punctuation, pinyin glosses, symbols jieba splits on
_PIECES = ["全县", "地区生产总值", "增长5.2%", "同比下降", "3,500", "1.2万人次", "PM2.5", "GDP", "(GDP)",
           "實(shí)現(xiàn)", "市场监管局", "共调解各类矛盾纠纷", "235起", "调解成功率100%", " ", "\t", "\n",
           "\r\n", "。", ",", "、", "“三项制度”", "12345热线", "A级", "4A级景区", "+", "#", "&", "_",
           "约4.99千字", "x.6億元", "km2", "m²", "〔2025〕19号", "一网通办", "2024年", "1-9月"]


def test_pos_words_match_jieba_posseg_on_generated_text():
    pt = segment.get_pos_tokenizer()
    rnd = random.Random(7)
    for _ in range(3000):
        chunk = "".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 8)))
        want = tuple((w.word, w.flag) for w in pt.lcut(chunk, HMM=False))
        assert segment._pos_words.__wrapped__(chunk) == want, chunk


def test_tokenize_offsets_cover_the_text():
    text = "全县共调解各类矛盾纠纷235起,调解成功率100%。"
    toks = segment.tokenize(text)
    assert "".join(t.word for t in toks) == text
    assert all(text[t.start:t.end] == t.word for t in toks)
