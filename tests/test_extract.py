"""Indicator extraction on short self-written sentences in the style of government reports."""
from decimal import Decimal

from hypothesis import given, settings, strategies as st

from pipeline.extract import extract_indicators


def _by_value(text):
    return {(i.value_text, i.unit): i for i in extract_indicators(text)}


def _grounded(text, ind):
    assert text[ind.value_start:ind.value_end] == ind.value_text
    assert text[ind.span_start:ind.span_end] == ind.span_text
    if ind.subject_start is not None:
        assert text[ind.subject_start:ind.subject_end] == ind.subject
    assert ind.span_start <= ind.value_start and ind.value_end <= ind.span_end


def test_counts_with_subjects():
    text = "2024年,全街道共调解各类纠纷128起,调解成功率98.5%;召开例会6次。"
    inds = extract_indicators(text)
    got = [(i.subject, i.value, i.unit) for i in inds]
    assert got == [("调解各类纠纷", 128, "起"), ("调解成功率", Decimal("98.5"), "%"), ("召开例会", 6, "次")]
    for i in inds:
        _grounded(text, i)
        assert i.period == "2024年"


def test_magnitude_and_qualifiers():
    text = "全年接待游客1.2万人次,发放补贴约350万元,培训群众3000余人,覆盖率达90%以上。"
    inds = extract_indicators(text)
    assert [(i.value, i.unit, i.unit_text, i.qualifier) for i in inds] == [
        (12000, "人次", "万人次", None), (3500000, "元", "万元", "approx"),
        (3000, "人", "人", "more_than"), (90, "%", "%", "more_than")]
    assert inds[0].value_text == "1.2万"


def test_qualifier_inside_unit_and_range():
    inds = extract_indicators("转移安置群众2.3万余人,预计生成3至5个台风。")
    assert (inds[0].value, inds[0].unit_text, inds[0].qualifier) == (23000, "万人", "more_than")
    assert (inds[1].value, inds[1].value_high, inds[1].qualifier) == (3, 5, "range")


def test_changes_and_inherited_subject():
    text = "全区实现地区生产总值512.3亿元,增长5.6%;城镇化率61.2%,比上年提高0.8个百分点。"
    inds = extract_indicators(text)
    assert [(i.subject, i.value, i.unit, i.change) for i in inds] == [
        ("地区生产总值", Decimal("512.3E8"), "元", None),
        ("地区生产总值", Decimal("5.6"), "%", "increase"),
        ("城镇化率", Decimal("61.2"), "%", None),
        ("城镇化率", Decimal("0.8"), "个百分点", "increase")]


def test_level_after_change_is_not_a_change():
    (ind,) = extract_indicators("低保标准提高至每人每月860元。")
    assert ind.change is None and ind.value == 860


def test_decrease_and_negative():
    inds = extract_indicators("信访总量下降12.4%,自然增长率为-0.85‰。")
    assert [(i.value, i.unit, i.change) for i in inds] == [
        (Decimal("12.4"), "%", "decrease"), (Decimal("0.85"), "‰", "decrease")]


def test_fenbie_lists():
    text = "城镇和农村居民人均可支配收入分别增长4.1%、6.3%。"
    inds = extract_indicators(text)
    assert [i.value for i in inds] == [Decimal("4.1"), Decimal("6.3")]
    assert all(i.subject == "城镇和农村居民人均可支配收入" and i.change == "increase" for i in inds)
    text2 = "刑事案件、治安案件同比分别下降8.2%、5.1%。"
    inds2 = extract_indicators(text2)
    assert [i.subject for i in inds2] == ["刑事案件", "治安案件"]


def test_one_verb_several_objects():
    text = "审查各类合同45件、规范性文件12个、其他事项8件。"
    inds = extract_indicators(text)
    assert [(i.subject, i.value) for i in inds] == [("审查各类合同", 45), ("规范性文件", 12), ("其他事项", 8)]


def test_subject_after_number():
    (ind,) = extract_indicators("街道为126名困难群众发放了慰问品。")
    assert ind.subject == "困难群众" and ind.unit == "名"


def test_chinese_numerals_and_percent_words():
    inds = extract_indicators("群众满意度达百分之九十五,九成以上的事项实现网上办理,全年召开专题会议三次。")
    got = [(i.value, i.unit, i.qualifier) for i in inds]
    assert got == [(95, "%", None), (90, "%", "more_than"), (3, "次", None)]


def test_traditional_and_fullwidth():
    text = "全市財政收入完成１７０，０２４萬元,增長３２．６２％。"
    inds = extract_indicators(text)
    assert [(i.value, i.unit, i.change) for i in inds] == [
        (1700240000, "元", None), (Decimal("32.62"), "%", "increase")]
    assert inds[0].value_text == "１７０，０２４萬" and inds[0].unit_text == "萬元"
    for i in inds:
        _grounded(text, i)


def test_rank():
    (ind,) = extract_indicators("全区税收收入增幅在全市排名第3位。")
    assert ind.value == 3 and "rank" in ind.notes


def test_non_indicators():
    text = ("根据《某市“十四五”规划》(某政发〔2023〕19号)要求,全面落实“三项制度”和“一网通办”,"
            "拨打12345热线,第三次会议审议,PM2.5浓度下降,为80岁以上的老人服务,2024年1月1日起施行,"
            "入选中国500强,推行1+7模式,24小时全天候服务,连续5年位居前列,两个责任落实到位。")
    assert extract_indicators(text) == []


def test_headings_sections_and_list_markers():
    text = "一、主要成效\n(一)依法行政\n1.全年办理行政复议案件23件。\n"
    (ind,) = extract_indicators(text)
    assert ind.value == 23 and ind.section == ("一、主要成效", "(一)依法行政", "1.全年办理行政复议案件23件")
    assert ind.period == "全年"


def test_table_row_cells():
    text = "指标\t数值\n粮食产量(万吨)\t58.6\n"
    (ind,) = extract_indicators(text)
    assert ind.value == Decimal("58.6") and ind.subject == "粮食产量(万吨)" and "table_cell" in ind.notes


def test_empty_and_blank():
    assert extract_indicators("") == [] and extract_indicators("\n \n") == []


_ALPHABET = st.sampled_from(list("0123456789１２万亿千百十一二三四五两零〇余多约近%‰个件人次元成分之第年月日,。、;:()《》“”-~至 \t\n")
                            + list("增长下降提高至分别占比的共全年累计其中达为以上左右萬億預(yù)算"))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=80), st.text(_ALPHABET, max_size=80)))
def test_never_raises_and_always_grounded(text):
    for ind in extract_indicators(text):
        _grounded(text, ind)
        assert ind.value >= 0
