"""Report identity on documents: organization (spam-checked), report_year, report_type."""
import pytest

from conftest import SAMPLES
from pipeline.dataset import commit
from pipeline.identity import identify, organization_of, report_type_of, report_year_of, title_from_text
from pipeline.process import process_document
from pipeline.query import query

EXPECTED = {  # sample -> (organization, organization_source, report_year, report_type)
    "yingwu-2024-fazhi.html": ("鹦鹉街道", "title", 2024, "法治政府建设"),
    "tongxi-2025-zhengfu-gongzuo-baogao.html": ("桐溪县人民政府", "title", 2024, "政府工作报告"),
    "wutong-2024-tongji-gongbao.html": ("江澜市梧桐区", "title", 2024, "统计公报"),
    "minyuan-2024-xxgk-niandu-baogao.html": ("岷源县人民政府", "title", 2024, "政府信息公开年报"),
    "liuquan-2024-gongzuo-zongjie.html": ("柳泉镇", "title", 2024, "工作总结"),
    "qingfeng-scjgj-2024-fazhi.html": ("青峰县市场监督管理局", "title", 2024, "法治政府建设"),
    "haitang-2025q1-12345-tongbao.html": ("海棠镇", "title", 2025, "热线运行分析"),
}


@pytest.fixture(scope="module")
def sample_docs():
    return {p.name: process_document(p.read_bytes(), source=str(p)).document for p in sorted(SAMPLES.glob("*.html"))}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_samples_identity(sample_docs, name):
    d = sample_docs[name]
    assert (d["organization"], d["organization_source"], d["report_year"], d["report_type"]) == EXPECTED[name]


def test_seed_organization_is_the_street_not_the_injected_brand(sample_docs):
    d = sample_docs["yingwu-2024-fazhi.html"]
    assert "鹦鹉街道" in d["organization"] and "环球" not in d["organization"]
    assert d["year"] == 2025 and d["report_year"] == 2024  # published 2025, reports on 2024


def test_spam_brand_in_signature_is_never_the_organization():
    text = "共调解矛盾纠纷235起。\n环球国际(中国)官方网站\n环球国际(中国)官方网站 鹦鹉街道办事处\n2025年2月10日"
    org, src = organization_of(title=None, site_name="环球国际", meta={}, text=text,
                               warnings=["spam_injection: 环球国际(中国)官方网站"])
    assert org is None or "环球" not in org
    # the cleaned signature (brand removed by the cleaner) is found
    org, src = organization_of(title=None, site_name=None, meta={}, text="……\n中共 委鹦鹉街道工作委员会\n鹦鹉街道办事处\n20252月10",
                               warnings=["spam_injection: 环球国际(中国)官方网站"])
    assert (org, src) == ("鹦鹉街道办事处", "signature")


def test_meta_content_source_relative_name_and_media_rejected():
    org, src = organization_of(title="专题", site_name="青峰县人民政府", text="正文。",
                               meta={"ContentSource": "县市场监督管理局", "SiteName": "青峰县人民政府"})
    assert (org, src) == ("青峰县市场监督管理局", "meta")
    org, src = organization_of(title="新闻", site_name="广州市人民政府门户网站", text="正文。",
                               meta={"ContentSource": "广州日报", "SiteName": "广州市人民政府门户网站"})
    assert (org, src) == ("广州市人民政府", "site")


def test_report_year_is_the_year_reported_on():
    assert report_year_of("政府工作报告——2025年1月8日在桐溪县第十八届人民代表大会第五次会议上",
                          "各位代表:\n一、2024年工作回顾\n", "2025-01-20") == 2024
    assert report_year_of("柳泉镇2024年工作总结及2025年工作计划") == 2024
    assert report_year_of("关于二〇二三年度法治政府建设情况的报告") == 2023
    assert report_year_of(None, "依据《法治政府建设实施纲要(2021—2025年)》,2023年,我镇……") == 2023
    assert report_year_of("无年份的通知", "正文没有年份。") is None


def test_report_type_lexicon_order():
    assert report_type_of("关于2023年度省级预算执行和其他财政收支审计查出问题整改情况的报告", {}) == "审计报告"
    assert report_type_of("某县2024年预算执行情况和2025年预算草案的报告", {}) == "预算执行"
    assert report_type_of("某专题", {"ColumnName": "政府信息公开年报"}) == "政府信息公开年报"
    assert report_type_of("普通新闻", {}, "今天天气很好。") is None


def test_txt_report_identity_from_its_first_line(tmp_path):
    text = "下洋镇2023年法治政府建设年度报告\n2023年以来,我镇共调解矛盾纠纷35起。\n"
    assert title_from_text(text) == "下洋镇2023年法治政府建设年度报告"
    ident = identify(title=None, site_name=None, meta=None, text=text)
    assert (ident.organization, ident.report_year, ident.report_type) == ("下洋镇", 2023, "法治政府建设")
    res = process_document(text.encode(), source=str(tmp_path / "r.txt"))
    commit(tmp_path / "out", [res.document], res.indicators)
    _, rows = query(tmp_path / "out", "select organization, report_year, typeof(report_year), report_type from documents")
    assert rows == [("下洋镇", 2023, "INTEGER", "法治政府建设")]
