"""indicator_key: subjects normalised so one indicator lines up across reports."""
import pytest

from pipeline.dataset import commit
from pipeline.keys import indicator_key, key_rules
from pipeline.process import process_document
from pipeline.query import query


@pytest.mark.parametrize("subject, key", [
    ("调解各类矛盾纠纷", "调解矛盾纠纷"),        # scope word 各类 dropped
    ("共调解矛盾纠纷", "调解矛盾纠纷"),          # 共 dropped
    ("累计受理信访事项", "受理信访事项"),
    ("全年全体居民人均可支配收入", "全体居民人均可支配收入"),
    ("全区地区生产总值", "地区生产总值"),        # place scope at the start
    ("一般公共预算收入", "一般公共预算收入"),    # 公共 keeps its 共: tokens, not characters
    ("公共財政預算收入", "一般公共预算收入"),    # traditional -> simplified, then the documented synonym
    ("規上工業增加值", "规模以上工业增加值"),
    ("GDP", "地区生产总值"),
    ("（四）无法提供", "无法提供"),               # table-row numbering removed
    ("“12345”热线工单", "12345热线工单"),
])
def test_indicator_key(subject, key):
    assert indicator_key(subject) == key


def test_empty_and_scope_only_subjects():
    assert indicator_key("") is None and indicator_key(None) is None
    assert indicator_key("累计") == "累计"  # nothing but scope words: kept rather than lost


def test_lexicon_is_well_formed():
    r = key_rules()
    assert {"共", "累计", "全年", "各类"} <= r["drop"]
    assert all(v for v in r["synonym"].values())


def test_same_indicator_lines_up_across_documents(tmp_path):
    a = "甲街道2023年法治政府建设情况报告\n2023年,共调解矛盾纠纷200起。\n"
    b = "乙街道2024年法治政府建设情况报告\n2024年,调解各类矛盾纠纷235起。\n"
    docs, inds = [], []
    for i, t in enumerate((a, b)):
        res = process_document(t.encode(), source=str(tmp_path / f"{i}.txt"))
        docs.append(res.document)
        inds.extend(res.indicators)
    commit(tmp_path / "out", docs, inds)
    _, rows = query(tmp_path / "out", """
        select d.organization, d.report_year, i.value from indicators i join documents d using (doc_id)
        where i.indicator_key = '调解矛盾纠纷' order by d.report_year""")
    assert [(o, y, int(v)) for o, y, v in rows] == [("甲街道", 2023, 200), ("乙街道", 2024, 235)]
