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


# ---- generalisation rules (self-written sentences; each checks one rule)

def _subjects(text):
    return [(i.value_text, i.subject) for i in extract_indicators(text)]


def test_scope_words_and_verb_object_subjects():
    assert _subjects("街道共调解各类矛盾纠纷235起。") == [("235", "调解各类矛盾纠纷")]
    inds = extract_indicators("社区律师线上线下共解答居民法律咨询1736次。")
    assert inds[0].subject.endswith("解答居民法律咨询")
    # a verb + object is kept whole even when long; the service number is part of the name
    assert _subjects("全年受理12345市民服务热线诉求8,156件。") == [("8,156", "受理12345市民服务热线诉求")]
    # a pivot verb (组织 X 召开 Y) is not the activity counted
    assert _subjects("组织各村调解员召开例会9次。") == [("9", "召开例会")]


def test_year_words_are_not_cut_from_subjects():
    assert _subjects("完成年度计划88.1%。")[0][1] == "完成年度计划"   # the share of a plan keeps its verb (gold-dev 115)
    assert _subjects("年末全镇户籍人口3.2万人。")[0][1] == "户籍人口"


def test_one_character_link_words_need_their_own_token():
    # 预计 must not lose 计 (a trailing link word elsewhere); a forecast-only prefix keeps its verb
    assert _subjects("全年游客量预计将突破300万人次。")[0][1].startswith("游客量")


def test_period_inside_subject():
    assert _subjects("发放第三季度特困供养金56.2万元。") == [("56.2万", "特困供养金")]
    assert _subjects("力争四季度按期办结率达到95%以上。") == [("95", "按期办结率")]


def test_comparison_bases_are_cut():
    got = _subjects("群众投诉较上季度减少两成。")
    assert got == [("两", "群众投诉")]
    got = _subjects("全县社会消费品零售总额增速高于全市平均1.3个百分点。")
    assert got[0][1].endswith("社会消费品零售总额增速")
    got = _subjects("新型材料的强度是普通钢材的3.5倍。")
    assert got == [("3.5", "新型材料的强度")]
    # X比Y(9.1%)高2个百分点: the parenthesised base measures Y, the difference X
    inds = extract_indicators("全县税收收入增幅比全市平均增幅(9.1%)高2个百分点。")
    assert [(i.value_text, i.subject) for i in inds] == [("9.1", "全市平均增幅"), ("2", "税收收入增幅")]


def test_level_reached_through_a_verb():
    inds = extract_indicators("审批时限压缩至3个工作日以内,城乡收入比缩小至1.9。")
    assert [(i.subject, i.change, i.qualifier) for i in inds] == [
        ("审批时限", None, "less_than"), ("城乡收入比", None, None)]
    inds = extract_indicators("会议批准2025年末地方债务限额调整为812.5亿元。")
    assert inds[0].subject == "地方债务限额"


def test_negated_bound_qualifiers():
    inds = extract_indicators("新增就业岗位不少于500个,单次培训不超过40人。")
    assert [(i.subject, i.qualifier) for i in inds] == [("新增就业岗位", "more_than"), ("单次培训", "less_than")]


def test_service_number_with_admin_character_is_a_name():
    inds = extract_indicators("共受理12345市民热线工单2,040件。")
    assert [i.value_text for i in inds] == ["2,040"]


def test_table_row_numbers_are_not_indicators():
    text = "序号\t姓名\t单位\n1\t王某\t某某图书馆\n2\t李某\t某某文化馆\n"
    assert extract_indicators(text) == []
    text = "项目\t2023年\t2024年\n1\t12\t15\n"
    assert [i.value_text for i in extract_indicators(text)] == ["1", "12", "15"]


def test_visit_counts_in_prose_are_not_page_furniture():
    inds = extract_indicators("县政府门户网站全年访问量约120万人次。")
    assert [(i.subject, i.value) for i in inds] == [("访问量", 1200000)]
    assert extract_indicators("访问量:3456\n") == []


def test_regional_breakdowns_take_the_measure():
    text = "全年平均气温接近常年,其中山区偏低0.5~1度,平原偏高1~2度。"
    inds = extract_indicators(text)
    assert all(i.subject == "平均气温" for i in inds), [(i.value_text, i.subject) for i in inds]
    text = "预计汛期降水量东北部地区偏多2~3成,其余大部地区偏少1~2成。"
    assert [i.subject for i in extract_indicators(text)] == ["降水量", "降水量"]


def test_change_verb_separated_by_its_object():
    inds = extract_indicators("通过入股合作社,增收村集体经济8万元。")
    assert [(i.subject, i.change) for i in inds] == [("村集体经济", "increase")]
    inds = extract_indicators("全年减少碳排放3万吨。")
    assert [(i.subject, i.change) for i in inds] == [("碳排放", "decrease")]


def test_shared_percentage_point_unit_and_alternative_unit():
    inds = extract_indicators("解决率、满意率分别提升3.2个和1.5个百分点。")
    assert [i.unit for i in inds] == ["个百分点", "个百分点"]
    inds = extract_indicators("计划改造棚户区860套(户)。")
    assert inds[0].unit == "套(户)"


def test_amount_after_a_bare_verb_takes_its_purpose():
    inds = extract_indicators("发放120万元保障困难群众基本生活。")
    assert inds[0].subject == "保障困难群众基本生活"


def test_scope_count_after_deng():
    # fewer items named than counted: the measure word's noun is what is counted
    assert _subjects("涉及东湖、西岭等7个乡镇。") == [("7", "乡镇")]
    assert _subjects("协同发展地为甲市、乙市等11个市(州)。") == [("11", "市(州)")]
    # people named before 等 stay the subject
    assert _subjects("抓获张某某等15人。")[0][1].endswith("张某某等")


def test_coordinated_places_are_scope():
    got = _subjects("东海和我国黄海海域热带气旋生成数为3个。")
    assert got == [("3", "热带气旋生成数")]


def test_fenbie_over_an_enumeration_in_an_earlier_clause():
    text = "甲街道、乙街道和丙镇工单量居前三位,分别为520件、430件和310件,分别占总量的12.1%、10.0%和7.2%。"
    got = [(i.value_text, i.subject) for i in extract_indicators(text)]
    assert [x[1] for x in got[:3]] == ["甲街道", "乙街道", "丙镇工单量"]
    assert [x[1] for x in got[3:]] == ["甲街道", "乙街道", "丙镇工单量"]


def test_age_threshold_opens_a_subject_after_the_number():
    assert _subjects("为全镇3200名70周岁以上老年人发放补贴。")[0] == ("3200", "70周岁以上老年人")


def test_level_holding_verbs_are_links():
    inds = extract_indicators("参保率稳定在97%以上。")
    assert [(i.subject, i.qualifier) for i in inds] == [("参保率", "more_than")]


def test_scope_word_inside_a_name_is_not_the_split():
    assert _subjects("县医共体累计下派专家600余人次。") == [("600", "下派专家")]


def test_ratio_to_a_reference_inherits_the_subject():
    inds = extract_indicators("全年完成招商引资到位资金88亿元,为年度目标的110%。")
    assert [i.subject for i in inds] == ["招商引资到位资金", "招商引资到位资金"]


def test_output_change_words():
    inds = extract_indicators("粮食总产量21.5万吨,比上年增产0.8万吨。")
    assert [(i.subject, i.change) for i in inds] == [("粮食总产量", None), ("粮食总产量", "increase")]


def test_net_change_words():
    inds = extract_indicators("全区共有专精特新企业96家,比上年净增21家。")
    assert [(i.subject, i.change) for i in inds] == [("专精特新企业", None), ("专精特新企业", "increase")]


def test_more_measure_words_and_chinese_multiples():
    assert [(i.unit, i.subject) for i in extract_indicators("检查企业320家次,新增床位200床。")] == [
        ("家次", "检查企业"), ("床", "新增床位")]
    inds = extract_indicators("受理案件较去年增加一倍。")
    assert [(i.value, i.unit, i.change) for i in inds] == [(1, "倍", "increase")]
    assert extract_indicators("偏差在一倍标准差以内。") == []
    # 占地 is not a share
    assert extract_indicators("项目占地约1.2平方公里。")[0].subject == "项目占地"


def test_dotted_dates_are_names():
    assert _subjects("围绕“3·15”消费者权益日开展普法活动46场。") == [("46", "开展普法活动")]


def test_round_chinese_numbers():
    assert [(i.value, i.qualifier) for i in extract_indicators("开展宣传活动十余次。")] == [(10, "more_than")]
    assert [(i.value, i.unit, i.qualifier) for i in extract_indicators("参与群众近千人。")] == [(1000, "人", "approx")]
    assert extract_indicators("千方百计为百姓办实事。") == []


def test_thousands_separator_does_not_split_the_clause():
    # the counted noun after 1,250名 is in the same clause as the number
    assert _subjects("全年有1,250名群众参加。") == [("1,250", "群众参加")]
    assert _subjects("全区262个村(社区),1,024名网格员。")[1] == ("1,024", "网格员")


def test_top_n_is_not_a_count():
    inds = extract_indicators("排名前五位的依次是:物业管理1,023件、市场监管865件。")
    assert [(i.value_text, i.subject) for i in inds] == [("1,023", "物业管理"), ("865", "市场监管")]


def test_scope_word_splits_agent_from_counted_thing():
    assert _subjects("辖区内共有养老机构15家。") == [("15", "养老机构")]


def test_table_unit_column_and_growth_header():
    text = "指标\t单位\t数值\t比上年增长(%)\n地区生产总值\t亿元\t286.5\t5.1\n一般公共预算收入\t亿元\t18.6\t-2.3\n"
    inds = extract_indicators(text)
    got = [(i.subject, i.value, i.unit, i.unit_text, i.change) for i in inds]
    assert got == [("地区生产总值", Decimal("28650000000"), "元", "亿元", None),
                   ("地区生产总值", Decimal("5.1"), "%", "", "increase"),
                   ("一般公共预算收入", Decimal("1860000000"), "元", "亿元", None),
                   ("一般公共预算收入", Decimal("2.3"), "%", "", "decrease")]
    for i in inds:
        _grounded(text, i)


def test_bare_verb_takes_the_object_of_an_earlier_clause():
    text = "每月组织干部开展政策理论集中学习,全年累计开展15次。"
    assert _subjects(text) == [("15", "政策理论集中学习")]


def test_named_people_before_the_count_keep_the_subject():
    assert _subjects("辖区书法爱好者和志愿者共18人积极参与。") == [("18", "辖区书法爱好者和志愿者")]
    assert _subjects("全街道共18人参加培训。") == [("18", "参加培训")]


def test_more_lead_words():
    assert _subjects("受理案件512件(含旧存87件)。")[1] == ("87", "旧存")
    assert _subjects("诉求主要涉及物业管理312件、噪声扰民120件。")[0] == ("312", "物业管理")
    assert _subjects("该县还将新建农村公路80公里。") == [("80", "新建农村公路")]
    assert _subjects("人民法院受理行政一审案件256件。") == [("256", "受理行政一审案件")]
    inds = extract_indicators("第3季度办结工单1,200件。")
    assert (inds[0].subject, inds[0].period) == ("办结工单", "第3季度")
    inds = extract_indicators("全县粮食产量21万吨,年均增长2.5%。")
    assert inds[1].subject == "粮食产量"


def test_heading_names_the_measure_of_a_bodiless_figure():
    inds = extract_indicators("二、财政收入\n全年完成128.6亿元,增长5.1%。")
    assert [i.subject for i in inds] == ["财政收入", "财政收入"]
    # a topic heading is not a measure
    inds = extract_indicators("一、工作开展情况\n完成12件。")
    assert inds[0].subject != "工作开展情况"


def test_enumerated_places_are_scope():
    assert _subjects("建设东山村、西岭村高标准农田项目3200亩。") == [("3200", "高标准农田项目")]


def test_from_to_levels():
    inds = extract_indicators("月人均补助标准由650元提高到700元。")
    assert [(i.value, i.subject, i.change) for i in inds] == [(650, "月人均补助标准", None),
                                                              (700, "月人均补助标准", None)]
    inds = extract_indicators("群众满意度由上年的91.5%提升至95.2%。")
    assert [i.subject for i in inds] == ["群众满意度", "群众满意度"]


def test_item_count_with_yishang_after_a_verb():
    assert [(i.value, i.subject, i.qualifier) for i in extract_indicators("培育5家以上龙头企业。")] == [
        (5, "龙头企业", "more_than")]
    # a size threshold inside a subject stays out
    assert [i.value_text for i in extract_indicators("10亿元以上项目3个。")] == ["3"]


def test_agent_after_noise_and_not_inside_a_compound():
    assert _subjects("全国法院受理各类案件4600余万件。") == [("4600", "受理各类案件")]
    assert _subjects("专题研究法治政府建设工作3次。") == [("3", "专题研究法治政府建设工作")]


def test_bare_numbers_joined_by_he_share_the_unit():
    text = "办结率、满意率、解决率分别为99%、95%和90%,较上月分别提升0.2、1.1和0.7个百分点。"
    inds = extract_indicators(text)
    assert [(i.value_text, i.unit, i.subject) for i in inds[3:]] == [
        ("0.2", "个百分点", "办结率"), ("1.1", "个百分点", "满意率"), ("0.7", "个百分点", "解决率")]


def test_list_intro_yici():
    got = _subjects("工单量前三位的社区依次为东苑社区(320件)、西苑社区(280件)。")
    assert got == [("320", "东苑社区"), ("280", "西苑社区")]


def test_chinese_count_before_a_noun():
    # a single Chinese digit + measure word + the counted noun, after a verb or preposition
    assert _subjects("全年开展两次联合执法行动,查处四起违法案件。") == [("两", "联合执法行动"), ("四", "违法案件")]
    assert _subjects("县司法局派出三个工作组赴各乡镇督导。") == [("三", "工作组")]
    assert _subjects("对五家企业进行了约谈。") == [("五", "企业")]
    assert [i.value for i in extract_indicators("新建两所幼儿园。")] == [2]


def test_chinese_numeral_names_and_slogans_stay_out():
    for text in ("严格落实三项制度,压实两个责任,建设四好农村路,推进一网通办。",
                 "着力推进六个示范区建设,统筹城乡发展。",
                 "下面我讲五个方面的工作意见。",
                 "对东街、西街、南街三条背街小巷进行了整治。",
                 "深化“四个一批”项目管理。",
                 "每周三组织干部集中学习。",
                 "三次产业结构持续优化。",
                 "在特殊情况下,可以延长一次。"):
        assert extract_indicators(text) == [], text


def test_yi_closing_the_clause_is_a_count():
    assert _subjects("全年召开党组会议一次。") == [("一", "召开党组会议")]


def test_grouping_count_takes_the_next_subject():
    got = _subjects("督查发现10个方面20个问题,已全部整改。")
    assert got == [("10", "问题"), ("20", "问题")]
    got = _subjects("接待来自三省六市的参观人员800人次。")
    assert got == [("三", "参观人员"), ("六", "参观人员"), ("800", "参观人员")]


def test_counted_noun_after_de_and_modifier_verb():
    assert _subjects("将各行业的42种退休制度合并。") == [("42", "退休制度")]
    assert _subjects("新增的1200户农户全部脱贫。") == [("1200", "农户")]


def test_noun_before_gongji_is_the_subject():
    got = _subjects("本次活动吸引周边群众和游客共计3万余人次参与。")
    assert got[0][0] == "3万" and "群众和游客" in got[0][1] and "参与" not in got[0][1]


def test_light_verbs_and_benefactive_objects():
    assert _subjects("举办法治讲座4次,提供岗位信息600个。") == [("4", "法治讲座"), ("600", "岗位信息")]
    assert _subjects("为困难群众发放米面油300桶、棉被200床。") == [("300", "发放米面油"), ("200", "棉被")]


def test_dash_and_trailing_adverbs_trimmed():
    assert _subjects("产业集聚成效明显——全市化妆品工业产值已经超过800亿元。") == [("800亿", "化妆品工业产值")]


def test_headline_figure_takes_the_body_subject():
    text = "突破2.35万亿\n全年全市地区生产总值达到2.35万亿元,增长5.1%。\n"
    inds = extract_indicators(text)
    assert inds[0].value_text == "2.35万亿" and inds[0].subject == "地区生产总值"
    _grounded(text, inds[0])
    text = "同比增长6.1%\n全年全市工业增加值同比增长6.1%。\n"
    inds = extract_indicators(text)
    assert [i.subject for i in inds] == ["工业增加值", "工业增加值"]
    for i in inds:
        _grounded(text, i)


def test_temperature_and_relief_supply_units():
    inds = extract_indicators("全年平均气温17.5℃,结对帮扶困难家庭120对。")
    assert [(i.value, i.unit) for i in inds] == [(Decimal("17.5"), "℃"), (120, "对")]


def test_coordinated_modifiers_share_the_head():
    got = _subjects("全市刑事、治安警情同比分别下降18.1%、10.9%。")
    assert got == [("18.1", "刑事、治安警情"), ("10.9", "刑事、治安警情")]
    got = _subjects("办结率、满意率分别为99%、95%。")
    assert got == [("99", "办结率"), ("95", "满意率")]


def test_share_subject_kept_whole_and_target_verb_trimmed():
    got = _subjects("民生支出占一般公共预算支出的比重为78.5%。")
    assert got == [("78.5", "民生支出占一般公共预算支出的比重")]
    assert _subjects("确保执法人员年度培训时长不少于60学时。") == [("60", "执法人员年度培训时长")]


def test_per_capita_rate_before_the_amount_belongs_to_the_unit():
    got = _subjects("城乡低保标准分别提高到每人每月850元、680元。高龄津贴每人每月100元。")
    assert got == [("850", "城乡低保标准"), ("680", "城乡低保标准"), ("100", "高龄津贴")]


def test_scope_count_counts_the_units_and_the_attribute_takes_the_next_figure():
    assert _subjects("全市8个县区空气质量优良天数比例均达到90%以上。") == [("8", "县区"), ("90", "空气质量优良天数比例")]
    assert _subjects("全市12家三级医院平均住院日为7.2天。") == [("12", "三级医院"), ("7.2", "平均住院日")]
    assert _subjects("全区12个国考、省考断面水质优良比例达到100%。") == [("12", "国考、省考断面"), ("100", "水质优良比例")]
    assert _subjects("全县156所中小学校的心理健康教育覆盖率达100%。") == [("156", "中小学校"), ("100", "心理健康教育覆盖率")]
    # a count followed by its predicate is not split
    assert _subjects("全县18个乡镇全部建成综合文化站。") == [("18", "乡镇全部建成综合文化站")]


def test_processing_times_that_are_cut_are_measured():
    got = [(i.value_text, i.unit, i.subject) for i in extract_indicators(
        "工程建设项目审批时限由90个工作日压减至45个工作日。企业开办全流程最快1个工作日办结。打造15分钟生活圈。")]
    assert got == [("90", "个工作日", "工程建设项目审批时限"), ("45", "个工作日", "工程建设项目审批时限"),
                   ("1", "个工作日", "企业开办全流程")]


def test_comparison_base_with_an_explicit_year_is_not_the_subject():
    got = [(i.value_text, i.change, i.subject) for i in extract_indicators(
        "全县税收收入完成8.65亿元,比2022年增收0.74亿元,增长9.4%。")]
    assert got == [("8.65亿", None, "税收收入"), ("0.74亿", "increase", "税收收入"), ("9.4", "increase", "税收收入")]


def test_count_after_deng_that_restates_the_list_is_not_an_indicator():
    assert _subjects("延伸审计了县教育局、县卫健局、城关镇等3个单位。") == []
    assert _subjects("抽查了县交通局、县林业局等12个单位。") == [("12", "单位")]


def test_one_character_conjuncts_share_the_head_noun():
    assert _subjects("城、乡居民人均可支配收入分别为41280元、19630元。") == [
        ("41280", "城、乡居民人均可支配收入"), ("19630", "城、乡居民人均可支配收入")]


def test_converted_amounts_and_reduced_objects():
    got = [(i.value_text, i.qualifier, i.change, i.subject) for i in extract_indicators(
        "人均地区生产总值约合9860美元。化解存量债务,减少政府隐性债务4.2亿元。")]
    assert got == [("9860", "approx", None, "人均地区生产总值"), ("4.2亿", None, "decrease", "政府隐性债务")]


def test_channels_pursuit_verbs_agents_and_lists_are_not_part_of_the_subject():
    got = _subjects("通过政府网站和政务新媒体等形式主动公开政府信息8600条,通过街道门户网站公开信息845条。"
                    "全年推动修订出台镇级管理制度6件。镇综治中心接待来访群众1460人次,区行政复议局审结复议案件312件。"
                    "向市级网站报送工作动态、政策解读、便民提示等各类稿件采用218条。")
    assert got == [("8600", "主动公开政府信息"), ("845", "公开信息"), ("6", "修订出台镇级管理制度"),
                   ("1460", "接待来访群众"), ("312", "审结复议案件"), ("218", "各类稿件采用")]


def test_quoted_slogan_after_the_subject_is_cut():
    assert _subjects("全面推行“容缺受理”,实现网办率、好评率“两个100%”。") == [("100", "网办率、好评率")]


def test_spaced_numbers_from_pdf_text_and_si_units():
    got = [(i.value_text, i.value, i.unit, i.subject) for i in extract_indicators(
        "全年发放低保救助金 893.36 万元,连续 9 个月开展走访。PM10浓度69μg/m3,同比下降8%。")]
    assert [(v, float(x), u, s) for v, x, u, s in got] == [
        ("893.36 万", 8933600.0, "元", "发放低保救助金"), ("69", 69.0, "μg/m3", "PM10浓度"), ("8", 8.0, "%", "PM10浓度")]


def test_numbers_opening_quoted_names_and_inline_list_markers_are_not_indicators():
    assert [v for v, _ in _subjects("承办“12345回音说法电台栏目”2期。推进社会慈善事业1、关心民众疾苦。")] == ["2"]


def test_listed_kinds_before_deng_name_what_is_counted():
    assert _subjects("查办发生在国企中的贪污、挪用公款等职务犯罪17件。") == [("17", "贪污、挪用公款等职务犯罪")]
    assert _subjects("本月共办理疏通水沟、修建村道路、修复道路等类工单534件。") == [
        ("534", "疏通水沟、修建村道路、修复道路等类工单")]


def test_sentence_topic_before_a_bare_rate_or_fenbie():
    assert _subjects("全年粮食总产量达到41.2万吨。畜牧业稳步恢复,增速达到4.6%。") == [
        ("41.2万", "粮食总产量"), ("4.6", "畜牧业")]
    assert _subjects("农村低保和农村五保,分别357户、732人。") == [
        ("357", "农村低保和农村五保"), ("732", "农村低保和农村五保")]


def test_measure_names_with_leiji_and_quoted_counted_names():
    assert _subjects("澄城县空气质量累计达标天数为273天。环境空气质量累计综合指数全市排名第2。") == [
        ("273", "空气质量累计达标天数"), ("2", "环境空气质量累计综合指数")]
    assert _subjects('新创建8个"星级充分就业社区"。图书馆、文化馆、博物馆累计接待群众12万人次。') == [
        ("8", "星级充分就业社区"), ("12万", "接待群众")]


def test_set_e_patterns():
    got = [(i.value_text, i.unit, i.change, i.subject) for i in extract_indicators(
        "各监测断面水质类别详见表5。全市法院共受理执行案件8.4万件,比前五年上升35%。"
        "2023年受理审查逮捕2.1万人,受理审查起诉4.6万人,比上年分别下降12.4%、上升3.1%。"
        "全院共受理各类案件3120件(含旧存185件),同比增加18.6%。全人口孕产妇死亡率为12.5/10万。"
        "有530万城镇失业人员实现再就业。目前全县共有养老机构46家,相比2022年末增加5家。"
        "2022年末全国参加失业保险人数为23807万人。")]
    assert got == [
        ("8.4万", "件", None, "受理执行案件"), ("35", "%", "increase", "受理执行案件"),
        ("2.1万", "人", None, "受理审查逮捕"), ("4.6万", "人", None, "受理审查起诉"),
        ("12.4", "%", "decrease", "受理审查逮捕"), ("3.1", "%", "increase", "受理审查起诉"),
        ("3120", "件", None, "受理各类案件"), ("185", "件", None, "旧存"), ("18.6", "%", "increase", "受理各类案件"),
        ("12.5", "/10万", None, "全人口孕产妇死亡率"), ("530万", "", None, "城镇失业人员实现再就业"),
        ("46", "家", None, "养老机构"), ("5", "家", "increase", "养老机构"),
        ("23807万", "人", None, "参加失业保险人数")]


def test_shared_rate_restated_list_possession_and_one_character_units():
    assert _subjects("本月按期办结率、办结回复率、群众满意率均为100%。") == [("100", "按期办结率")]
    assert _subjects("全年基本养老保险、失业保险、工伤保险三项社会保险基金收入合计2368亿元。") == [
        ("2368亿", "社会保险基金收入")]
    assert _subjects("“平安东湖”公众号有粉丝12多万。") == [("12", "粉丝")]
    assert _subjects("全镇10个村的村务公开率达100%。") == [("10", "村"), ("100", "村务公开率")]
    assert _subjects("实现48个毗邻区县公共服务事项“跨省通办”,最快10分钟办理。") == [
        ("48", "毗邻区县公共服务事项"), ("10", "办理")]


def test_space_as_thousands_separator():
    got = [(i.value_text, float(i.value), i.subject) for i in extract_indicators("全省法院共受理案件321 146件,审结298 002件。")]
    assert got == [("321 146", 321146.0, "受理案件"), ("298 002", 298002.0, "审结")]
    assert [(i.value_text, i.subject) for i in extract_indicators("2024 年全县有 12 个乡镇。")] == [("12", "乡镇")]


def test_set_g_patterns():
    assert _subjects("对68个住宅小区、9个农贸市场、23家商超、14家宾馆开展消防检查。") == [
        ("68", "住宅小区"), ("9", "农贸市场"), ("23", "商超"), ("14", "宾馆")]
    got = [(i.value_text, i.qualifier, i.subject) for i in extract_indicators("全年检查商超41家。")]
    assert got == [("41", None, "检查商超")]
    assert _subjects("区审计局实施审计项目11个(其中:经济责任审计4个、投资审计3个)。当年结转3件,在办12件。")[1:] == [
        ("4", "经济责任审计"), ("3", "投资审计"), ("3", "当年结转"), ("12", "在办")]
    assert _subjects("全镇为3-6岁儿童免费体检8215人次。构建“区街社”三位一体的服务网络。本年报共五个部分。") == [
        ("8215", "3-6岁儿童免费体检")]
    assert _subjects("全县一般公共预算收入完成8.75亿元,比上年决算数8.31亿元增长5.3%。") == [
        ("8.75亿", "一般公共预算收入"), ("8.31亿", "决算数"), ("5.3", "一般公共预算收入")]
    assert _subjects("科技进步对经济增长的贡献率预计达53.6%。") == [("53.6", "科技进步对经济增长的贡献率")]


def test_set_f_patterns():
    got = [(i.value_text, float(i.value), i.unit, i.qualifier, i.change, i.subject) for i in extract_indicators(
        "初步核算,全年全省生产总值[1]58632亿元。全社会固定资产投资达到八千六百多亿元。"
        "按常住人口计算人均地区生产总值45120元,按2018年平均汇率计算为6818美元。"
        "全年人口出生率9.12‰,比上年下降0.64个千分点。第1页共12页。地区生产总值跨越3000亿元。"
        "居民消费价格上涨 1.8%。")]
    assert got == [
        ("58632亿", 5.8632e12, "元", None, None, "生产总值"),
        ("八千六百", 8.6e11, "元", "more_than", None, "全社会固定资产投资"),
        ("45120", 45120.0, "元", None, None, "人均地区生产总值"), ("6818", 6818.0, "美元", None, None, "人均地区生产总值"),
        ("9.12", 9.12, "‰", None, None, "人口出生率"), ("0.64", 0.64, "个千分点", None, "decrease", "人口出生率"),
        ("3000亿", 3e11, "元", "more_than", None, "地区生产总值"), ("1.8", 1.8, "%", None, "increase", "居民消费价格")]


def test_text_tables_written_with_pipes():
    text = "| 绝对数(亿元) | 比上年增长(%) |\n地区生产总值 | 617.50 | 5.2\n索引号 | 2025-01 | 发布机构 | 统计局\n标题|标题 全国旅游收入超2千亿元"
    got = [(i.value_text, i.unit, i.change, i.subject, "table_cell" in i.notes) for i in extract_indicators(text)]
    # a pipe row keeps its units as written; a metadata row is skipped; a title with | stays prose
    assert got[:2] == [("617.50", "", None, "地区生产总值", True), ("5.2", "", "increase", "地区生产总值", True)]
    assert [g[0] for g in got[2:]] == ["2千亿"] and not got[2][4]


def test_rules_stated_in_the_validation_readme():
    """Rule decisions written in ../shared/gold-val/README.md (rules, not examples; these sentences are
    self-written)."""
    got = [(i.value_text, i.unit, i.qualifier, i.change, i.subject) for i in extract_indicators(
        "全市社会消费品零售总额增长8.5%(全国10.7%、全省-1.2%)。办理时限压缩至3个工作日内。"
        "全县水土流失治理面积60km2。全区约1/4左右的村实现集体经济收入超百万元。"
        "根据5‰人口变动抽样调查,全市常住人口为125.6万人。本文约4.99千字。全镇实现财政收入x.6億元。")]
    assert got[:3] == [("8.5", "%", None, "increase", "社会消费品零售总额"), ("10.7", "%", None, "increase", "全国"),
                       ("1.2", "%", None, "decrease", "全省")]
    assert got[3][:3] == ("3", "个工作日", "less_than")
    assert got[4][:2] == ("60", "km2")
    assert got[5][:3] == ("1", "/4", "approx")
    assert [g[0] for g in got[6:]] == ["125.6万"]


def test_pinyin_gloss_closes_the_verbatim_subject():
    text = "全年糧食總產(chǎn)達到743.4億斤。"
    (ind,) = extract_indicators(text)
    assert ind.subject == "糧食總產(chǎn)" and text[ind.subject_start:ind.subject_end] == ind.subject


def test_multiples_with_duo_and_net_increase():
    got = [(i.value_text, i.unit, i.qualifier, i.change) for i in extract_indicators(
        "出口总额是上年的6倍多。全年净增市场主体1.2万户。")]
    assert got == [("6", "倍", "more_than", None), ("1.2万", "户", None, "increase")]


def test_quoted_name_with_its_head_and_year_spans_before_averages():
    assert _subjects("全年上线112个“一件事”集成服务。全省生产总值五年年均增长百分之九点八。") == [
        ("112", "“一件事”集成服务"), ("百分之九点八", "生产总值")]


def test_set_i_and_j_patterns():
    got = [(i.value_text, i.change, i.subject) for i in extract_indicators(
        "全年全县发生道路交通事故236起、死亡41人,同比下降12.3%、8.9%。"
        "与上年相比,受灾人口、紧急转移安置人数和农作物绝收面积分别下降18.6%、25.1%和9.4%。")]
    assert got == [("236", None, "道路交通事故"), ("41", None, "死亡"), ("12.3", "decrease", "道路交通事故"),
                   ("8.9", "decrease", "死亡"), ("18.6", "decrease", "受灾人口"), ("25.1", "decrease", "紧急转移安置人数"),
                   ("9.4", "decrease", "农作物绝收面积")]
    assert [(i.value_text, i.unit) for i in extract_indicators("全县投入劳动力86.5萬工日,農作物受災面積36.2千公頃。")] == [
        ("86.5萬", "工日"), ("36.2千", "公頃")]
    assert _subjects("认真落实县委十四届三次、四次全会精神。全年安全生产形势呈现3个特点:一是事故总量下降。") == []
    got = [(i.value_text, i.qualifier, i.change) for i in extract_indicators(
        "全市水利建设投资首破80亿元。社会消费品零售总额同比增长9.1%,高出全省平均增幅0.6个百分点。"
        "水土流失面积减少0.36万平方公里,减幅1.05%。")]
    assert got == [("80亿", "more_than", None), ("9.1", None, "increase"), ("0.6", None, None),
                   ("0.36万", None, "decrease"), ("1.05", None, "decrease")]


def test_a_number_wrapped_across_lines_is_read_whole():
    text = "全县社会消费品零售总额增长8.\n7%,高于全市1.2个百分点。\n发放保障金1389\n万元。\n1.\n2024年工作回顾"
    got = [(i.value_text, float(i.value), i.unit) for i in extract_indicators(text)]
    assert got == [("8.\n7", 8.7, "%"), ("1.2", 1.2, "个百分点"), ("1389\n万", 13890000.0, "元")]


def test_counted_nouns_after_counts_more_patterns():
    assert _subjects("全年共受理水土保持方案146个,83个生产建设项目完成了水土保持设施验收。") == [
        ("146", "受理水土保持方案"), ("83", "生产建设项目完成了水土保持设施验收")]   # what they achieved (gold-dev 103)
    assert _subjects("市安委会先后12次召开专题会议。全省226家4A级以上景区接待游客991万人次。") == [
        ("12", "召开专题会议"), ("226", "4A级以上景区"), ("991万", "接待游客")]
    assert _subjects("截止年底,人民社区现有低保户195户。全市工矿商贸领域发生生产安全事故40起。") == [
        ("195", "低保户"), ("40", "生产安全事故")]


def test_back_to_back_measures_share_the_noun_after_them():
    assert _subjects("实施农村供水保障工程,2316户8954名群众的饮水问题得到解决。") == [("2316", "群众"), ("8954", "群众")]


def test_html_left_in_scraped_text_reads_as_a_space():
    text = '全年受理案件&nbsp;123件,<br/>审结<span style="x">98件</span>。'
    got = [(i.value_text, i.subject) for i in extract_indicators(text)]
    assert got == [("123", "受理案件"), ("98", "审结")]


def test_plan_bases_and_short_objects_after_gong_wancheng():
    assert _subjects("全镇2022年共完成国税2860万元、地税970万元,比年初下达的指标超收1210万元。") == [
        ("2860万", "国税"), ("970万", "地税"), ("1210万", "超收")]


def test_unit_keeps_the_source_script():
    got = [(i.unit, i.unit_text) for i in extract_indicators(
        "農作物受災面積10539.3千公頃,損壞車輛1.2萬輛,投資3.6億元,上升2.1個(gè)百分點(diǎn),增長５％。")]
    assert got == [("公頃", "千公頃"), ("輛", "萬輛"), ("元", "億元"), ("個百分點", "個(gè)百分點"), ("%", "％")]


def test_set_k_patterns():
    got = [(i.value_text, i.unit, i.qualifier, i.change, i.subject) for i in extract_indicators(
        "抽检量达到4.12批次/千人。全县接待游客86.4万人次,比2023年国庆节增长9.6%。全市文旅产业总收入突破千亿元。"
        "国产精品一区二区三区。假期期间,鼓浪屿接待游客5.2万人次。")]
    assert got == [("4.12", "批次/千人", None, None, "抽检量"), ("86.4万", "人次", None, None, "接待游客"),
                   ("9.6", "%", None, "increase", "接待游客"), ("千亿", "元", "more_than", None, "文旅产业总收入"),
                   ("5.2万", "人次", None, None, "接待游客")]
    assert _subjects("全年参与信访接待11次。") == [("11", "参与信访接待")]


def test_set_l_patterns():
    assert _subjects("投资86万元对南湖社区进行雨污分流改造。新增河湾村160亩高标准蔬菜基地。") == [
        ("86万", "投资"), ("160", "高标准蔬菜基地")]
    got = _subjects("全年发生2起三轮车侧翻事故。2023镇政府工作总结。1—9月份实现财政总收入512万元。")
    assert [v for v, _ in got] == ["2", "512万"] and got[1][1] == "财政总收入"   # no 三轮, no 2023镇
    got = [(i.value_text, i.unit, "rank" in i.notes) for i in extract_indicators("获评全市量化考核综合总分第8名。")]
    assert got == [("8", "名", True)]


def test_comparison_base_with_a_year_level_and_shangniandu():
    assert _subjects("抽检9820批次,比2020年的8410批次增加了1410批次。全年水利建设投资150.43亿元,比上年度增长8.1%。") == [
        ("9820", "抽检"), ("8410", "抽检"), ("1410", "抽检"), ("150.43亿", "水利建设投资"), ("8.1", "水利建设投资")]


def test_thresholds_naming_a_count_and_category_scope_counts():
    assert [v for v, _ in _subjects("全市旅游星级饭店客房出租率超过80%的有85家。")] == ["85"]
    assert _subjects("全年发现不合格样品1875批次。与上年相比,调味品、茶叶等6大类食品抽检不合格率有所上升。") == [
        ("1875", "不合格样品"), ("6", "食品")]


def test_long_subjects_are_not_cut_inside_a_coordination():
    assert _subjects("新开工各类棚户区改造及安置住房6120套。") == [("6120", "新开工各类棚户区改造及安置住房")]


def test_second_count_after_de_and_jun_before_a_bound():
    assert _subjects("对7000余家企业的2.3万余个重大危险源实现全覆盖。") == [("7000", "企业"), ("2.3万", "重大危险源")]
    got = [(i.value, i.qualifier, i.change) for i in extract_indicators("接待游客、旅游收入同比增长均超五成。")]
    assert [(float(v), q, c) for v, q, c in got] == [(50.0, "more_than", "increase")]


def test_more_change_words_and_differences_from_a_base():
    got = [(i.value_text, i.change, i.subject) for i in extract_indicators(
        "受理案件较上年多15件。发生事故比上年少2起。进出口规模扩大12.3%。贷款利率下调0.25个百分点。城乡收入比缩小到2.1。")]
    assert got == [("15", "increase", "受理案件"), ("2", "decrease", "事故"), ("12.3", "increase", "进出口规模"),
                   ("0.25", "decrease", "贷款利率"), ("2.1", None, "城乡收入比")]


def test_fenbie_lists_without_separators_with_he_and_with_short_items():
    got = [(i.value_text, i.change, i.subject) for i in extract_indicators(
        "全年发生事故、死亡、受伤人数同比分别下降27.7%31.7%44.3%。进口和出口分别下降2.4%、1.7%。")]
    assert got == [("27.7", "decrease", "发生事故"), ("31.7", "decrease", "死亡"), ("44.3", "decrease", "受伤人数"),
                   ("2.4", "decrease", "进口"), ("1.7", "decrease", "出口")]
    got = [(i.value_text, i.unit, i.subject) for i in extract_indicators("生豬、牛、羊、家禽分別出欄125.3萬頭、2.1萬頭、8.6萬隻、1560萬羽。")]
    assert got == [("125.3萬", "頭", "生豬"), ("2.1萬", "頭", "牛"), ("8.6萬", "隻", "羊"), ("1560萬", "羽", "家禽")]


def test_n_to_one_ratios_levels_after_weiand_top_n_thresholds():
    got = [(i.value_text, i.change, i.subject) for i in extract_indicators(
        "城乡居民收入比持续缩小,由上年同期的2.31:1下降为2.26:1。")]
    assert got == [("2.31", None, "城乡居民收入比"), ("1", None, "城乡居民收入比"), ("2.26", None, "城乡居民收入比"),
                   ("1", None, "城乡居民收入比")]
    assert [v for v, _ in _subjects("全省考核的30项指标中,有15项位居全国前5。会议于16:30召开。")] == ["30", "15"]


def test_fenbie_clause_shares_and_rates_after_a_list_of_figures():
    # a clause opening with 分别 pairs its values with the figures before it by position
    text = "城镇新增就业1.2万人,失业人员再就业3650人,就业困难人员就业1180人,分别完成年计划的80.5%、91.2%和76.4%。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got[3:] == [("城镇新增就业", "80.5"), ("失业人员再就业", "91.2"), ("就业困难人员就业", "76.4")]
    # 占<target><base>的<share>: the base measures the target, the share stays with the item
    text = "完成植树造林4.2万亩,占计划5万亩的84%;完成土石方36万立方米,占年度任务40万立方米的90%。"
    got = [(i.subject, i.value_text, i.unit) for i in extract_indicators(text)]
    assert got == [("植树造林", "4.2万", "亩"), ("计划", "5万", "亩"), ("植树造林", "84", "%"),
                   ("土石方", "36万", "立方米"), ("年度任务", "40万", "立方米"), ("土石方", "90", "%")]
    # a bare 增速 keeps its own margin; the figures after it are again of the indicator
    text = "全县工业增加值完成18.6亿元,同比增长8.2%,增速高于全市平均水平1.3个百分点,两年平均增长5.1%,位列全市第二。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("工业增加值", "18.6亿"), ("工业增加值", "8.2"), ("增速", "1.3"),
                   ("工业增加值", "5.1"), ("工业增加值", "二")]


def test_generic_completion_keeps_the_noun_that_owns_it():
    text = "全年86个市重点项目完成投资126.5亿元;其中,城东污水处理厂扩建工程完成投资5600万元,全县完成造林2.1万亩。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("市重点项目", "86"), ("市重点项目完成投资", "126.5亿"), ("扩建工程完成投资", "5600万"),
                   ("完成造林", "2.1万")]


def test_share_of_a_plan_is_named_with_its_verb():
    text = "全镇税收收入86万元,完成全年任务的108%;城镇新增就业320人,完成年度目标的91.4%。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("税收收入", "86万"), ("完成全年任务", "108"), ("城镇新增就业", "320"), ("完成年度目标", "91.4")]


def test_a_cut_from_an_old_level_names_the_measure_without_its_base_word():
    got = [(i.subject, i.value_text) for i in extract_indicators("将办理时限由原来的20个工作日压缩至8个工作日。")]
    assert got == [("办理时限", "20"), ("办理时限", "8")]
    got = [(i.subject, i.value_text) for i in extract_indicators("企业开办时间由过去的15天缩短到3天。")]
    assert got == [("企业开办时间", "15"), ("企业开办时间", "3")]


def test_two_great_tasks_is_a_slogan_but_ten_people_s_tasks_are_counted():
    assert extract_indicators("坚持统筹发展和安全两件大事,推动高质量发展。") == []
    assert [(i.subject, i.value) for i in extract_indicators("全年办好10件民生大事。")] == [("民生大事", 10)]


def test_open_government_table_rows_are_named_by_their_last_label_cell():
    text = ("三、本年度办理结果 | (一)予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"
            "(三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
            "2.其他法律行政法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n")
    inds = extract_indicators(text)
    subjects = [i.subject for i in inds]
    assert subjects == ["予以公开"] * 7 + ["部分公开"] * 7 + ["属于国家秘密"] * 7 + ["其他法律行政法规禁止公开"] * 7
    assert [i.value for i in inds[7:14]] == [3, 1, 0, 0, 0, 0, 4]
    for i in inds:
        _grounded(text, i)


def test_a_list_of_placings_after_one_ranking_verb():
    text = "全县在全省考核中位居县域经济综合实力第4、招商引资质量第9、绿色发展第5。"
    got = [(i.subject, i.value) for i in extract_indicators(text)]
    assert got == [("县域经济综合实力", 4), ("招商引资质量", 9), ("绿色发展", 5)]
    assert extract_indicators("召开第一次会议、第二次会议。") == []


def test_bases_of_computation_year_typos_and_index_bases():
    got = [(i.subject, i.value_text, i.change) for i in extract_indicators(
        "全年一般公共预算收入5.2亿元,自然增幅3.1%,同口径增长7.4%。")]
    assert got == [("一般公共预算收入", "5.2亿", None), ("一般公共预算收入", "3.1", "increase"),
                   ("一般公共预算收入", "7.4", "increase")]
    got = [(i.subject, i.value_text) for i in extract_indicators("全县刑事案件立案数412起,同2023年比下降9.6%。")]
    assert got == [("刑事案件立案数", "412"), ("刑事案件立案数", "9.6")]
    got = [(i.subject, i.value_text) for i in extract_indicators("全年税收收入完成2.8亿元,同口径完成3.05亿元。")]
    assert got == [("税收收入", "2.8亿"), ("税收收入", "3.05亿")]
    got = [(i.subject, i.value_text) for i in extract_indicators("西湖街道2024度政务公开工作报告\n全年开展普法活动12场。")]
    assert got == [("开展普法活动", "12")]
    got = [(i.subject, i.value_text) for i in extract_indicators(
        "年末全县户籍人口性别比(以女性为100,男性对女性的比例)为104.6。")]
    assert got == [("户籍人口性别比", "104.6")]


def test_rule_of_law_compounds_are_not_cut_at_their_nominal_verbs():
    s = _subjects("2024年,区政府常务会议专题研究法治政府建设工作4次。")[0][1]
    assert s.endswith("专题研究法治政府建设工作")
    s = _subjects("2024年,区委召开全面依法治区委员会会议2次。")[0][1]
    assert s.endswith("全面依法治区委员会会议")


def test_set_p_patterns():
    got = [(i.subject, i.value, i.unit) for i in extract_indicators("上半年辖区共接种流感疫苗3.6万剂次。")]
    assert got == [("接种流感疫苗", 36000, "剂次")]
    got = [(i.subject, i.unit, i.change) for i in extract_indicators(
        "到市信访局信访量25件人次,同比下降12.5%。")]
    assert got == [("到市信访局信访量", "件人次", None), ("到市信访局信访量", "%", "decrease")]
    got = [(i.value, i.unit, i.qualifier) for i in extract_indicators("暫扣電動自行車1200余臺。")]
    assert got == [(1200, "臺", "more_than")]
    # adverbs before a share or an amount are not subjects
    got = [i.subject for i in extract_indicators("全年需民警到场处置的警情4.1万起,仅占32.5%。")]
    assert got == ["需民警到场处置的警情"] * 2
    # an anonymised year is still a comparison base
    got = [i.subject for i in extract_indicators("全镇完成工业总产值8.62亿元,比xxxx年同比增长15.3%。")]
    assert got == ["工业总产值"] * 2
    # 集中在A、B、C等方面,分别占…: the listed fields, items may contain 和
    got = [(i.subject, i.value_text) for i in extract_indicators(
        "从信访领域看,主要集中在自然资源、劳动和社会保障、城乡建设等领域,分别占信访总量的21.6%、13.2%、9.8%。")]
    assert got == [("自然资源", "21.6"), ("劳动和社会保障", "13.2"), ("城乡建设", "9.8")]


def test_set_p_office_names_hotlines_gdp_and_counts_after_nouns():
    got = [(i.subject, i.value) for i in extract_indicators("全区建成12个社区调解工作室和9个镇级矛盾纠纷调处中心。")]
    assert got == [("社区调解工作室", 12), ("镇级矛盾纠纷调处中心", 9)]
    assert [i.subject for i in extract_indicators("已完成清水河等12条河道沿线垃圾清理工作。")] == ["河道"]
    assert [i.subject for i in extract_indicators("去年南平110接报警36余万起。")] == ["接报警"]
    got = [(i.subject, i.value_text, i.unit) for i in extract_indicators("全镇GDP19.92亿元。")]
    assert got == [("GDP", "19.92亿", "元")]
    assert extract_indicators("PM2.5平均浓度35微克/立方米。")[0].value == 35
    got = [(i.value, i.unit) for i in extract_indicators("全镇建成创业园区一个,新建村级活动场所一处。")]
    assert got == [(1, "个"), (1, "处")]
    assert extract_indicators("这是其中一个。") == []


def test_relative_clauses_around_the_counted_noun():
    got = [(i.subject, i.value) for i in extract_indicators("选聘28名熟悉法律、群众威信高的退休干部担任人民调解员。")]
    assert got == [("退休干部", 28)]
    got = [(i.subject, i.value) for i in extract_indicators("在原有十三个调解委员会的基础上新建5个调解室。")]
    assert got[0] == ("调解委员会", 13)
    got = [(i.subject, i.value, i.qualifier) for i in extract_indicators("对进入盛果期的 3000 余亩柑橘进行了统一管护。")]
    assert got == [("柑橘", 3000, "more_than")]


def test_time_limits_with_nei_and_fanwen_site_metadata():
    got = [(i.subject, i.value, i.qualifier) for i in extract_indicators("确保群众诉求5天内实现办结。")]
    assert got[0][1:] == (5, "less_than")
    text = "导语:本文由办公室整理的八篇范文,供你参考。\n\n篇1\n\n全年共办理群众来信236件。"
    assert [(i.subject, i.value) for i in extract_indicators(text)] == [("办理群众来信", 236)]
    assert [i.value for i in extract_indicators("全年发表理论文章12篇。")] == [12]


def test_channel_before_the_activity_is_dropped():
    got = [i.subject for i in extract_indicators("全镇通过政府网站、公开栏、村民会议等途径向社会公开各类政府信息415条次。")]
    assert got == ["公开各类政府信息"]


def test_a_bare_verb_keeps_its_channel_and_office_nouns_after_deng_stay_whole():
    got = [i.subject for i in extract_indicators("其中通过政府网站申请8件、向县政府办公室邮寄申请5件。")]
    assert got == ["政府网站申请", "邮寄申请"]
    got = [i.subject for i in extract_indicators("先后打造了XX、XX等26个精品社区服务中心。")]
    assert got == ["精品社区服务中心"]


def test_set_t_patterns():
    assert [i.value for i in extract_indicators("项目覆盖石桥、青山2个乡镇,完成造林面积860亩。")] == [860]
    assert [i.value for i in extract_indicators("柳溪等5个村已完成农村改厕。")] == [5]
    assert [i.value for i in extract_indicators("活动当天,几十名志愿者参与清理河道垃圾3.2吨。")] == [Decimal("3.2")]
    got = [(i.value, i.unit) for i in extract_indicators("全县今冬已完成土石方128万方,投入机械1300台班。")]
    assert got == [(1280000, "方"), (1300, "台班")]
    assert extract_indicators("发布服务业扩大开放2.0方案。") == []
    got = [i.subject for i in extract_indicators("全县农村公路建设已完成投资1.15亿元,占计划投资的76%。")]
    assert got == ["已完成投资", "已完成投资"]
    got = [(i.subject, i.value_text) for i in extract_indicators(
        "已完成清淤土方56万方,投入机械1300台班,投工18万工日,占计划的91%、88%、95%。")]
    assert got[3:] == [("清淤土方", "91"), ("投入机械", "88"), ("投工", "95")]


def test_doubling_is_a_multiple_with_an_increase():
    got = [(i.subject, i.value, i.unit, i.change) for i in extract_indicators(
        "全县农村居民人均可支配收入达到21600元,十年间翻了一番。")]
    assert got[1] == ("农村居民人均可支配收入", 1, "番", "increase")
    got = [(i.subject, i.value) for i in extract_indicators("全社会固定资产投资五年内翻了两番。")]
    assert got == [("全社会固定资产投资", 2)]
    assert extract_indicators("三番五次督促整改。") == []


def test_peer_groups_of_a_ranking():
    got = [(i.subject, i.value, i.unit) for i in extract_indicators("到账外资同比增长21.3%,增幅列全市9区县第3。")]
    assert got[1:] == [("区县", 9, "区县"), ("增幅", 3, "")]


def test_yue_closing_a_word_and_a_trailing_source_credit():
    got = [(i.value, i.qualifier) for i in extract_indicators("新签约23个项目,节约资金1.2万元,大约50人参加。")]
    assert got == [(23, None), (12000, None), (50, "approx")]
    text = "据了解,本市共判决行政机关败诉案件629件,败诉率为4.65%。 (来源:某某都市报) [编辑: 张三]"
    assert [i.value_text for i in extract_indicators(text)] == ["629", "4.65"]
    assert extract_indicators("来源:县统计局 发布时间:2024-01-02 浏览次数:1234") == []


def test_set_s_patterns():
    text = ("2023年街道办事处工作总结3篇\n以下是网友整理分享的相关范文,供您参考!\n目录\n"
            "1.东城街道办事处工作总结 2\n2.西关街道办事处工作总结 9\n东城街道办事处工作总结\n"
            "今年以来,街道共调解矛盾纠纷326件,调解成功率98.5%。\n")
    assert [i.value_text for i in extract_indicators(text)] == ["326", "98.5"]
    got = [i.subject for i in extract_indicators("国庆假期第三天,清源山景区当天接待游客3.2万人次,同比增长18.6%。")]
    assert got == ["接待游客", "接待游客"]
    got = [(i.subject, i.value) for i in extract_indicators("浙江省以286.4亿元列假日旅游总收入排行榜第二名。")]
    assert got == [("假日旅游总收入", Decimal("28640000000")), ("假日旅游总收入", 2)]


def test_set_r_patterns():
    assert [i.value for i in extract_indicators("全市建成1项省级示范工程,即220千伏城东输变电工程。")] == [1]
    got = [i.subject for i in extract_indicators("市信访局对群众反映的1350件“办事难”投诉逐一督办。")]
    assert got == ["“办事难”投诉"]
    got = [(i.subject, i.value) for i in extract_indicators(
        "全县旅游总收入从2015年的12亿元增加到2023年的38.6亿元,8年间增长了2.2倍。")]
    assert got[-1] == ("旅游总收入", Decimal("2.2"))


def test_one_character_place_nouns_after_a_count_and_wenku_header_fields():
    got = [i.subject for i in extract_indicators("10月底以前包括城关镇在内的9个镇将全部完成验收。")]
    assert got == ["镇将全部完成验收"]      # gold-dev keeps the predicate of a bare noun
    assert extract_indicators("页数:7页 上传时间:2024-01-02") == []


def test_governance_units_are_office_nouns():
    got = [i.subject for i in extract_indicators("截至6月底,全市已有3.2万家基层治理单位接入平台。")]
    assert got == ["基层治理单位"]


def test_placings_carry_no_change_and_are_not_inherited_by_changes():
    got = [(i.subject, i.change) for i in extract_indicators(
        "全县实现农产品出口8620万美元,总量列全省县域第五位,同比增长31.5%。")]
    assert got == [("农产品出口", None), ("总量", None), ("农产品出口", "increase")]
    got = [(i.value, i.change) for i in extract_indicators("死亡人数同比下降21.4%,下降幅度全市排名第3。")]
    assert got == [(Decimal("21.4"), "decrease"), (3, None)]
    got = [i.subject for i in extract_indicators("判决行政机关败诉案件38件。")]
    assert got == ["判决行政机关败诉案件"]


def test_reading_metadata_and_approx_share_words():
    assert extract_indicators("本文约4.99千字,阅读约5分钟。") == []
    got = [(i.subject, i.value_text) for i in extract_indicators("其中农村人口1.2万人,约占三分之二。")]
    assert got == [("农村人口", "1.2万"), ("农村人口", "三分之二")]


def test_tables_scraped_one_cell_per_line():
    text = ("二、主动公开政府信息情况\n第二十条第(一)项\n|\n信息内容\n|\n本年制发件数\n|\n本年废止件数\n|\n"
            "现行有效件数\n|\n规章\n|\n0\n|\n1\n|\n6\n|\n行政规范性文件\n|\n2\n|\n0\n|\n15\n|\n"
            "三、本年度办理结果\n|\n(一)予以公开\n|\n7\n|\n三、其他\n")
    inds = extract_indicators(text)
    assert [(i.subject, i.value) for i in inds] == [
        ("规章", 0), ("规章", 1), ("规章", 6), ("行政规范性文件", 2), ("行政规范性文件", 0),
        ("行政规范性文件", 15), ("予以公开", 7)]
    for i in inds:
        _grounded(text, i)
        assert text[i.span_start:i.span_end].startswith(i.subject)
    text = "行业 |\n零售额\n(亿元) |\n增幅(%) |\n批发业 |\n49.02 |\n13.0 |\n零售业 |\n404.54 |\n16.3 |\n"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("批发业", "49.02"), ("批发业", "13.0"), ("零售业", "404.54"), ("零售业", "16.3")]


def test_set_x_patterns():
    got = [(i.value, i.unit) for i in extract_indicators("全县新增装机容量3.2万千瓦,发电量1.5亿千瓦时。")]
    assert got == [(32000, "千瓦"), (150000000, "千瓦时")]
    got = [(i.subject, i.value_text, i.unit) for i in extract_indicators("全院结案率68.42.%,同比上升5.1个百分点。")]
    assert got[0] == ("结案率", "68.42", "%")
    got = [(i.subject, i.change) for i in extract_indicators("受援人数从1260人增加到1587人,升幅26.0%。")]
    assert got[-1] == ("受援人数", "increase")
    assert [i.subject for i in extract_indicators("该院全年收案或将突破6000件。")] == ["该院全年收案"]
    assert [i.value for i in extract_indicators("治安形势呈现“两降三升”的良好态势,刑事警情同比下降12.4%。")] == [Decimal("12.4")]
    got = [(i.subject, i.value) for i in extract_indicators("近三年受理纠纷数分别为:812件、905件、1034件。")]
    assert got == [("受理纠纷数", 812), ("受理纠纷数", 905), ("受理纠纷数", 1034)]


def test_set_y_patterns():
    got = [(i.subject, i.change) for i in extract_indicators("全年全县实现地区生产总值486.2亿元,可比增长6.3%。")]
    assert got == [("地区生产总值", None), ("地区生产总值", "increase")]
    got = [(i.subject, i.value_text) for i in extract_indicators(
        "全县实际利用外资3260万美元,完成市下达任务4000万美元的81.5%,同比增长37%,在全市排位第三。")]
    assert got == [("实际利用外资", "3260万"), ("市下达任务", "4000万"), ("完成市下达任务", "81.5"),
                   ("实际利用外资", "37"), ("实际利用外资", "三")]
    got = [(i.subject, i.value_text, i.change) for i in extract_indicators("单位地区生产总值能耗[4]-2.8%。")]
    assert got == [("单位地区生产总值能耗", "2.8", "decrease")]
    assert extract_indicators("报告-10篇。") == []
    assert [i.subject for i in extract_indicators("全院在中国庭审公开网开展庭审直播179件。")] == ["开展庭审直播"]


def test_token_per_line_pages_and_lines_cut_after_a_link_word():
    text = "规上工业产值5200万元,增长\n7%\n;税收收入1380万元,下降\n3.2%\n。\n"
    inds = extract_indicators(text)
    assert [(i.subject, i.value_text, i.change) for i in inds] == [
        ("规上工业产值", "5200万", None), ("规上工业产值", "7", "increase"),
        ("税收收入", "1380万", None), ("税收收入", "3.2", "decrease")]
    for i in inds:
        _grounded(text, i)
    got = [(i.subject, i.value) for i in extract_indicators("玉米种植面积达\n4350亩,增长3.6%。")]
    assert got == [("玉米种植面积", 4350), ("玉米种植面积", Decimal("3.6"))]
    # list items on short lines stay apart
    got = [(i.subject, i.value) for i in extract_indicators("1.调解室12个\n2.网格员30名\n3.调解员8名\n4.律师5名\n")]
    assert got == [("调解室", 12), ("网格员", 30), ("调解员", 8), ("律师", 5)]
    # the prose line a run of split lines continues, and the line it runs into, read with it
    text = "一是加强市容管理。今年,共开展专项整治行动\n150余次,出动\n8000\n余人次;在沿线发放\n1500\n多份整改通知书,清除广告招牌\n2100\n余条。\n"
    inds = extract_indicators(text)
    assert [(i.subject, i.value, i.unit) for i in inds] == [
        ("开展专项整治行动", 150, "次"), ("出动", 8000, "人次"), ("整改通知书", 1500, "份"), ("清除广告招牌", 2100, "条")]
    for i in inds:
        _grounded(text, i)


def test_xingwei_keeps_its_last_character():
    got = [i.subject for i in extract_indicators("全年勸導佔道經營行為3200余起。")]
    assert got == ["勸導佔道經營行為"]


def test_ratio_chains_before_and_after_tiaozhengwei():
    got = [i.value_text for i in extract_indicators("全区三次产业结构比重由上年的9.6:41.2:49.2调整为9.1:40.5:50.4。")]
    assert got == ["9.6", "41.2", "49.2", "9.1", "40.5", "50.4"]
    got = [i.value_text for i in extract_indicators("全市城乡人口比重由上年的41.2:58.8调整为42.5:57.5。")]
    assert got == ["41.2", "58.8", "42.5", "57.5"]
    assert extract_indicators("2023年结构调整完成,16:30开会。") == []


def test_anonymised_amounts_name_the_subject_of_the_next_change_but_are_not_output():
    text = "全镇15家规模以上企业总产值XX亿元;限上批发零售额XX万元,同比增长11.3%;完成税收收入XX万元,增长6.8%。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("规模以上企业", "15"), ("限上批发零售额", "11.3"), ("税收收入", "6.8")]
    got = [(i.subject, i.value) for i in extract_indicators("新增年营业额超XX万元的规上服务业企业2家。")]
    assert got[0][1] == 2 and "超XX万元的规上服务业企业" in got[0][0]


def test_set_o_fenbie_lists():
    got = [(i.subject, i.value) for i in extract_indicators("全县工业用电量与居民用电量同比分别增长12%和7%。")]
    assert got == [("工业用电量", 12), ("居民用电量", 7)]
    got = [(i.subject, i.value_text, i.change) for i in extract_indicators(
        "全年完成税收收入3.6亿元,进出口总额1.2亿美元,同比分别-4.5%、-11.8%。")]
    assert got[2:] == [("税收收入", "4.5", "decrease"), ("进出口总额", "11.8", "decrease")]
    assert extract_indicators("加快推进物流园二期、冷链仓储三期等项目建设。") == []
    got = {i.subject for i in extract_indicators(
        "其中第一、二、三产业增加值占GDP的比重较上年分别下降0.2个、下降0.6个、提高0.8个百分点。")}
    assert got == {"第一、二、三产业增加值占GDP的比重"}


def test_set_y_wraps_bare_growth_rates_and_shared_margin_units():
    text = "固定资产投资 154 亿\n元,增长 9.2%;进出口总额 8.6\n亿元。"
    got = [(i.value, i.unit) for i in extract_indicators(text)]
    assert got == [(15400000000, "元"), (Decimal("9.2"), "%"), (860000000, "元")]
    got = [(i.subject, i.value_text) for i in extract_indicators("新材料、生物医药两大产业产值分别增长 15%和\n22%。")]
    assert [v for _, v in got] == ["15", "22"]
    got = [(i.value_text, i.change) for i in extract_indicators("现价人均地区生产总值42315元,同比8.7%。")]
    assert got == [("42315", None), ("8.7", "increase")]
    got = [(i.value_text, i.unit) for i in extract_indicators("规上工业增加值增长6.2%,高于全国1.6、全省0.8个百分点。")]
    assert got == [("6.2", "%"), ("1.6", "个百分点"), ("0.8", "个百分点")]


def test_set_z_patterns():
    got = [(i.subject, i.value) for i in extract_indicators("全县建成两个省级现代农业园区、两个市级产业强镇。")]
    assert got == [("省级现代农业园区", 2), ("市级产业强镇", 2)]
    assert extract_indicators("落实三项制度,坚持两个责任,打造四大产业集群。") == []
    assert extract_indicators("解放路、建设路三条背街小巷完成改造。") == []
    got = [(i.subject, i.value) for i in extract_indicators("全镇现有专业合作社58家,新增4家;家庭农场131个,新增12个。")]
    assert got == [("专业合作社", 58), ("专业合作社", 4), ("家庭农场", 131), ("家庭农场", 12)]
    got = [(i.value, i.unit) for i in extract_indicators("主变容量5万千伏安。")]
    assert got == [(50000, "千伏安")]


def test_spaced_thousands_with_decimals_and_spaced_years():
    got = [(i.value, i.unit) for i in extract_indicators("全省水土流失面积73 179.01 km2,较上年减少1 234.5平方公里。")]
    assert got == [(Decimal("73179.01"), "km2"), (Decimal("1234.5"), "平方公里")]
    got = [(i.subject, i.value) for i in extract_indicators("在 2022 年度全市营商环境考核中,跃居一类县市区第三名。")]
    assert got == [("营商环境考核", 3)]


def test_set_ab_and_ad_patterns():
    got = [(i.value_text, i.change) for i in extract_indicators("社会消费品零售总额增长8.2%,增幅回落1.3个百分点。")]
    assert got == [("8.2", "increase"), ("1.3", "decrease")]
    assert [i.unit for i in extract_indicators("全国21省份旅游收入超百亿。")] == ["省份"]
    got = [(i.subject, i.qualifier) for i in extract_indicators("全镇已硬化通村道路总长45公里多。")]
    assert got == [("硬化通村道路总长", "more_than")]
    assert [i.subject for i in extract_indicators("截至目前,现已铺设供水管网总长12公里。")] == ["铺设供水管网总长"]
    got = [i.subject for i in extract_indicators("全年完成地区生产总值58.6亿元,比上年(下同)增长6.1%。")]
    assert got == ["地区生产总值", "地区生产总值"]
    assert extract_indicators("全文共1520字,仅供站内会员学习参考") == []


def test_set_ab_provinces_plan_bases_and_rank_lists():
    got = [(i.subject, i.value) for i in extract_indicators("据统计,全国25省份公布了国庆假期旅游收入情况。")]
    assert got == [("省份", 25)]
    got = [(i.subject, i.value) for i in extract_indicators("增幅列全市9区县第3。")]
    assert got == [("区县", 9), ("增幅", 3)]
    got = [i.subject for i in extract_indicators("增幅比上年同期高3.1个百分点,居全省第8位。")]
    assert got == ["增幅", "增幅"]
    got = [(i.subject, i.value_text) for i in extract_indicators(
        "林业完成产值164亿元,为任务目标150亿元的109.34%,较上年增长了38.99%。")]
    assert got == [("林业完成产值", "164亿"), ("任务目标", "150亿"), ("林业完成产值", "109.34"),
                   ("林业完成产值", "38.99")]
    got = [(i.subject, i.value) for i in extract_indicators("总量和增幅分别居全省第6位和第12位。")]
    assert got == [("总量", 6), ("增幅", 12)]


def test_a_rate_named_before_its_change_is_the_subject():
    got = [(i.subject, i.change) for i in extract_indicators("化妆品类实现零售额0.8亿元,增幅回落2.1个百分点。")]
    assert got[1] == ("增幅", "decrease")


def test_cell_tables_with_runs_of_bars_and_an_activity_in_the_clause_before():
    text = "第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n行政许可 |\n12 |\n||\n行政处罚 |\n7 |\n||\n"
    assert [(i.subject, i.value) for i in extract_indicators(text)] == [("行政许可", 12), ("行政处罚", 7)]
    got = [(i.subject, i.value) for i in extract_indicators(
        "区市场监督管理局对辖区内餐饮环节食品进行监督抽检,共120批次。")]
    assert got == [("监督抽检", 120)]


def test_set_aa_patterns():
    got = [(i.subject, i.change) for i in extract_indicators(
        "全市法院受理各类案件5.6万件,与上年同期的案件数量相比上升8.4%。")]
    assert got == [("受理各类案件", None), ("受理各类案件", "increase")]
    got = [(i.subject, i.value_text) for i in extract_indicators("全县森林覆盖率为41.2%,比全省的58%低16.8个百分点。")]
    assert got == [("森林覆盖率", "41.2"), ("全省", "58"), ("森林覆盖率", "16.8")]
    assert [i.subject for i in extract_indicators("投资860万元完成了城区排涝泵站改造工程。")] == ["投资"]
    assert [i.subject for i in extract_indicators("依法判处管制、拘役86人。")] == ["判处管制、拘役"]
    got = [(i.subject, i.value) for i in extract_indicators("全省法院收、结案数在全国32个高级法院中均位居第4。")]
    assert got[-1][1] == 4 and got[-1][0].endswith("收、结案数")


def test_set_ab_fractions_restated_counts_holidays_and_milestones():
    got = [(i.subject, i.value, i.unit, i.qualifier) for i in extract_indicators("近年来,全省3/4以上的造林任务安排在石漠化地区。")]
    assert got == [("造林任务", 3, "/4", "more_than")]
    got = [i.value for i in extract_indicators("是广东、福建和江西,这3个省份的旅游收入均超过了300亿。")]
    assert got == [30000000000]
    got = [i.value for i in extract_indicators("中秋节、国庆节假期8天,全国国内旅游出游人数7.5亿人次。")]
    assert got == [750000000]
    got = [i.value for i in extract_indicators("其中注册资金千万元以上46家,亿元以上5家。")]
    assert got == [46, 5]


def test_set_ad_patterns():
    got = [(i.subject, i.change) for i in extract_indicators(
        "截至年底,全区登记在册的个体工商户首次超过万户,较上年净增1860户。")]
    assert got == [("登记在册的个体工商户", None), ("登记在册的个体工商户", "increase")]   # 首次超过万户 is a figure (set AD)
    got = [i.subject for i in extract_indicators("全县地区生产总值先后跨越一百亿元、一百五十亿元台阶,2023年达到168亿元。")]
    assert set(got) == {"地区生产总值"}
    got = [(i.value, i.qualifier) for i in extract_indicators("留守儿童约占全村儿童总数的35%。")]
    assert got == [(35, "approx")]


def test_set_ac_signed_table_cells_anonymised_places_and_own_office_words():
    text = "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 14 | +3 | 260 |\n其他事项 | 6 | -2 | 85 |\n"
    got = [(i.subject, i.value, i.change) for i in extract_indicators(text)]
    assert got == [("行政许可", 14, None), ("行政许可", 3, "increase"), ("行政许可", 260, None),
                   ("其他事项", 6, None), ("其他事项", 2, "decrease"), ("其他事项", 85, None)]
    assert [i.value for i in extract_indicators("近三年 0县人民调解工作情况:2022年调解1430件。")] == [1430]
    assert extract_indicators("推行1+7模式。") == []
    got = [i.subject for i in extract_indicators("本年度通过区政府网站主动公开信息总数1265条。")]
    assert got == ["主动公开信息总数"]


def test_set_ag_patterns():
    got = [(i.subject, i.value, i.change) for i in extract_indicators(
        "1-7月,全市发生生产安全事故12起、死亡8人,同比减少5起4人。")]
    assert got[2:] == [("发生生产安全事故", 5, "decrease"), ("死亡", 4, "decrease")]
    got = [i.subject for i in extract_indicators("41个区县(自治县)公共法律服务中心全部建成。")]
    assert got == ["区县(自治县)公共法律服务中心"]
    got = [(i.value, i.qualifier) for i in extract_indicators("要求每名学员学习时间不能少于17天。")]
    assert got == [(17, "more_than")]


def test_set_ah_latin_units_and_bijiao_comparisons():
    got = [(i.value_text, i.unit) for i in extract_indicators("新建渠道全长1353m,渠深3-4m,流量2.5m³/s。")]
    assert got == [("1353", "m"), ("3-4", "m"), ("2.5", "m3/s")]
    assert extract_indicators("用药5mg。") == []
    got = [i.unit for i in extract_indicators("PM2.5年均浓度为32微克每立方米,培育秧苗1.1万盘。")]
    assert got == ["微克每立方米", "盘"]
    got = [i.subject for i in extract_indicators("粮食产量5.2万吨,与去年同期比较增长3.1%。")]
    assert got == ["粮食产量", "粮食产量"]


def test_chinese_decimals_with_a_magnitude_after_them():
    got = [(i.value, i.unit) for i in extract_indicators("全省地区生产总值达到一万八千三百二十四点六七亿元,新增就业一点二万人。")]
    assert got == [(Decimal("1832467000000"), "元"), (12000, "人")]


def test_set_af_targets_rank_moves_periods_and_row_labels():
    got = [(i.subject, i.value_text, i.qualifier) for i in extract_indicators(
        "全市规模以上工业增加值达到1420亿元,比“十三五”规划目标1300亿元超过120亿元。")]
    assert got == [("规模以上工业增加值", "1420亿", None), ("“十三五”规划目标", "1300亿", None),
                   ("规模以上工业增加值", "120亿", None)]
    got = [i.subject for i in extract_indicators("城镇居民人均可支配收入达到41500元,比规划目标38000元超额3500元。")]
    assert got == ["城镇居民人均可支配收入", "规划目标", "城镇居民人均可支配收入"]
    got = [(i.subject, i.value) for i in extract_indicators("税收收入总量由全省第9位跃升至第5位。")]
    assert got == [("税收收入总量", 9), ("税收收入总量", 5)]
    assert [i.subject for i in extract_indicators("5年内三产上升4.6个百分点。")] == ["三产"]
    assert [i.subject for i in extract_indicators("出口额和进口额在1-9月均同比增长8.7%。")] == ["出口额和进口额"]
    got = [i.subject for i in extract_indicators("指 标 | 绝对数(万人) |\n年末户籍人口 | 96.42 |\n其中:男性 | 49.31 |\n")]
    assert got == ["年末户籍人口", "男性"]


def test_set_ah_areas_before_yields_phases_and_page_numbers():
    got = [(i.subject, i.value_text) for i in extract_indicators("全县36.5万亩油菜平均亩产达185公斤。")]
    assert got == [("油菜", "36.5万"), ("平均亩产", "185")]
    got = [i.subject for i in extract_indicators("全县12个乡镇级集中式饮用水水源地水质达标率为100%。")]
    assert got == ["乡镇级集中式饮用水水源地", "水质达标率"]
    assert [i.subject for i in extract_indicators("目前二期4500平方米仓储用房已封顶。")] == ["仓储用房"]
    assert [i.value for i in extract_indicators("一、基本情况3根据县委安排,我镇完成造林面积1200亩。")] == [1200]


def test_set_ai_spaced_units_reading_counters_and_inline_list_markers():
    text = "全年累计救助困难群众3250人 次,发放救助金186.5万元。"
    inds = extract_indicators(text)
    assert [(i.value, i.unit) for i in inds] == [(3250, "人次"), (1865000, "元")]
    for i in inds:
        _grounded(text, i)
    assert extract_indicators("社区工作总结_第1页已阅读8页,还剩12页未读, 继续免费阅读") == []
    got = [i.value for i in extract_indicators("(一)民生工程全面完成 1、城乡低保。全年保障困难群众1200人。")]
    assert got == [1200]


def test_set_an_and_ad_slogans_addresses_and_topic_clauses():
    assert [i.value for i in extract_indicators("坚持以“二十字”方针为指导,开展活动12场。")] == [12]
    assert extract_indicators("办公地址:县城东大街往西北约100米。") == []
    got = [i.subject for i in extract_indicators(
        "全区生产总值达到120亿元;辖区税收收入总额连续跨越三个“十亿元”台阶,从2006年的19.8亿元增至2011年的48.6亿元。")]
    assert got == ["生产总值", "辖区税收收入总额", "辖区税收收入总额"]


def test_set_al_units():
    got = [(i.value, i.unit) for i in extract_indicators(
        "土壤侵蚀模数由3500吨/平方公里.年下降到1200吨/平方公里·年,投入机械120台套,8600个台班。")]
    assert got == [(3500, "吨/平方公里.年"), (1200, "吨/平方公里·年"), (120, "台套"), (8600, "个台班")]


def test_population_counts():
    got = [(i.subject, i.value, i.unit) for i in extract_indicators("全镇2.8万人口中,外出务工人员达6500人。")]
    assert got == [("人口", 28000, "人口"), ("外出务工人员", 6500, "人")]


def test_tables_written_with_spaces_between_cells():
    text = ("2023年老旧小区改造进展情况\n\n序号 省份 新开工小区数(个) 开工率\n\n1 贵州 1071 全部开工\n\n"
            "3 湖北 4284 99%\n\n4 江苏 1498 99%\n")
    inds = extract_indicators(text)
    assert [(i.subject, i.value_text) for i in inds] == [("贵州", "1071"), ("湖北", "4284"), ("湖北", "99"),
                                                          ("江苏", "1498"), ("江苏", "99")]
    for i in inds:
        _grounded(text, i)
    # prose spaced out by a PDF converter is not a table
    got = [(i.subject, i.value_text) for i in extract_indicators("全年实现地区生产总值 218 亿元,增长 6.9%。")]
    assert got == [("地区生产总值", "218 亿"), ("地区生产总值", "6.9")]


def test_set_am_places_and_holidays_before_jiedai():
    got = [i.subject for i in extract_indicators("国庆期间,彭水县接待游客12.5万人次,同比增长8.1%。")]
    assert got == ["接待游客", "接待游客"]
    assert [i.subject for i in extract_indicators("国庆小长假我市接待游客86万人次。")] == ["接待游客"]
    assert [i.subject for i in extract_indicators("全省共计划改造老旧小区5300个。")] == ["计划改造老旧小区"]


def test_table_cells_signed_with_zeng_and_jian():
    text = "信息内容 | 上一年项目数量 | 本年增/减 |\n行政许可 | 14 | 减4 |\n行政处罚 | 6 | 增2 |\n"
    got = [(i.subject, i.value, i.change) for i in extract_indicators(text)]
    assert got == [("行政许可", 14, None), ("行政许可", 4, "decrease"), ("行政处罚", 6, None), ("行政处罚", 2, "increase")]


def test_set_as_occurrence_verbs_weekly_comparisons_and_slogans():
    assert [i.subject for i in extract_indicators("本周煤矿企业 发生7起事故。")] == ["事故"]
    assert [i.subject for i in extract_indicators("发生事故39起。")] == ["事故"]
    got = [i.subject for i in extract_indicators("受理工单1200件,比上周增长5.2%。")]
    assert got == ["受理工单", "受理工单"]
    assert [i.value for i in extract_indicators("坚持发现一起、化解一起,全年化解纠纷86起。")] == [86]


def test_plus_signed_growth_rates():
    got = [(i.subject, i.value_text, i.change) for i in extract_indicators("全县工业用电量同比+19.82%,居民用电量同比-3.2%。")]
    assert got == [("工业用电量", "19.82", "increase"), ("居民用电量", "3.2", "decrease")]
    assert extract_indicators("推行1+7模式,打造2+26城市。") == []


def test_wan_duo_yi():
    got = [(i.value, i.unit, i.qualifier) for i in extract_indicators("全国水利建设完成投资1万多亿元。")]
    assert got == [(Decimal("1000000000000"), "元", "more_than")]


def test_ahead_of_schedule_durations_examples_and_years_ago():
    got = [(i.subject, i.value, i.unit) for i in extract_indicators("居民健康素养水平达38.2%,提前8年实现目标。")]
    assert got[1] == ("居民健康素养水平", 8, "年")
    assert [(i.value, i.unit) for i in extract_indicators("2023年完成12项,连续14个月增长。")] == [(12, "项")]
    assert [i.subject for i in extract_indicators("如法兰锻造有限公司投资3亿元。")] == ["投资"]   # the company is the agent (set AR label)
    got = [i.subject for i in extract_indicators("森林覆盖率较10年前提高5.2个百分点。")]
    assert got == ["森林覆盖率"]


def test_threshold_opening_the_counted_noun():
    got = [(i.subject, i.value) for i in extract_indicators("全县89家超千万企业完成工业纳税销售12.6亿元。")]
    assert got[0] == ("超千万企业", 89)


def test_coordinated_periods_and_restated_province_counts():
    got = [i.subject for i in extract_indicators("一季度和二季度的水利建设投资增长分别为12.5%和8.3%。")]
    assert got == ["水利建设投资", "水利建设投资"]
    assert extract_indicators("海南、广西、贵州、云南4省(区)旱情严重。") == []


def test_thresholds_in_names_and_speed_descriptors():
    assert extract_indicators("建成全省首个300亿元园区,开通时速350公里的高铁。") == []


def test_comparison_with_the_state_before_a_programme():
    got = [(i.subject, i.change) for i in extract_indicators("治理区林草覆盖率比治理前增加12.3%。")]
    assert got == [("治理区林草覆盖率", "increase")]


def test_rank_in_a_peer_group_and_rank_moves_take_the_measure_before():
    got = [(i.subject, i.value_text, i.unit) for i in extract_indicators(
        "全市完成外贸进出口总值创历史新高,达到51.4亿元,同比增长47.1%,在市州中居第2位。")]
    assert got == [("外贸进出口总值", "51.4亿", "元"), ("外贸进出口总值", "47.1", "%"), ("外贸进出口总值", "2", "位")]
    got = [(i.subject, i.value_text, i.unit, i.change) for i in extract_indicators("该县GDP总量居全省第5位,较上年前移2位。")]
    assert got[1] == ("GDP总量", "2", "位", None)
    got = [(i.subject, i.unit) for i in extract_indicators("综合成绩在全省排名第五,比上年提升3个位次。")]
    assert got[1] == ("综合成绩", "个位次")


def test_adverb_before_the_predicate_and_growth_ratio_words():
    got = [i.subject for i in extract_indicators("各种自然灾害共造成全国8402.7万人次不同程度受灾。")]
    assert got == ["受灾"]
    got = [(i.subject, i.value_text, i.change) for i in extract_indicators(
        "全镇财政总收入由201x年的2.66亿元增加到202x年的4.559亿元,增长比例达55%。")]
    assert got == [("财政总收入", "2.66亿", None), ("财政总收入", "4.559亿", None), ("财政总收入", "55", "increase")]
    got = [i.subject for i in extract_indicators("林业产业总值从2001年4090亿元到2016年的6.4万亿元。")]
    assert got == ["林业产业总值", "林业产业总值"]
    got = [i.subject for i in extract_indicators("空气质量综合指数3.62,较去年同期比较下降0.28%。")]
    assert got == ["空气质量综合指数", "空气质量综合指数"]
    got = [i.subject for i in extract_indicators("辖内财政收入迈过千亿大关,达1330亿元,增长28.55%。")]
    assert got == ["辖内财政收入"] * 3


def test_fenbie_values_of_items_enumerated_in_the_clause_before():
    got = [i.subject for i in extract_indicators("全年抽检的蔬菜、水果、茶叶等3类产品,合格率分别为97.2%、98.5%、96.1%。")]
    assert got == ["蔬菜", "水果", "茶叶"]
    got = [i.subject for i in extract_indicators("生产总值、财政收入分别增长6.1%、5.2%。")]
    assert got == ["生产总值", "财政收入"]


def test_described_base_year_is_a_comparison_base():
    got = [(i.subject, i.change) for i in extract_indicators("全年全县粮食总产量达到41.2万吨,比历史最高的2021年增长3.6%。")]
    assert got == [("粮食总产量", None), ("粮食总产量", "increase")]


def test_magnitudes_around_duo_and_demonstratives():
    got = [(i.value, i.unit, i.qualifier, i.subject) for i in extract_indicators("今年全省完成的这2千多亿元交通投资中,高速公路占比最高。")]
    assert got == [(Decimal("200000000000"), "元", "more_than", "交通投资")]
    got = [(i.value, i.subject) for i in extract_indicators("这500万元资金全部用于修路。")]
    assert got == [(Decimal("5000000"), "资金")]


def test_producers_quoted_names_and_scope_words():
    got = [(i.subject, i.value) for i in extract_indicators("两家砖瓦厂生产标砖8000万块。")]
    assert got[0] == ("砖瓦厂", 2)
    assert extract_indicators("落实“两高三部”意见。") == []
    got = [(i.subject, i.unit) for i in extract_indicators("汛期共出动干部群众3200人次,清理河道淤泥950粪车,计4600吨。")]
    assert got == [("出动干部群众", "人次"), ("清理河道淤泥", "粪车"), ("清理河道淤泥", "吨")]
    assert [i.subject for i in extract_indicators("全省有15个设区市地区生产总值超过千亿元。")][0] == "设区市"


def test_item_without_a_figure_is_cut_from_the_next_subject():
    got = [i.subject for i in extract_indicators("环比事故起数下降7.7%、死亡人数持平、受伤人数上升25.0%。")]
    assert got == ["事故起数", "受伤人数"]


def test_anonymised_years_shares_of_a_total_and_actors_before_a_time():
    got = [i.subject for i in extract_indicators("20xx年城乡医疗救助共救助49208人。")]
    assert got == ["城乡医疗救助共救助"]
    got = [i.subject for i in extract_indicators("高技术制造业增加值同比下降14.5%,总量占全区规上工业增加值65.7%。")]
    assert got == ["高技术制造业增加值", "高技术制造业增加值"]
    got = [i.subject for i in extract_indicators("县民政部门于2020年投资近100万元,在社区建设了办公用房。")]
    assert got == ["投资"]


def test_gold_dev_conventions_in_other_words():
    # each sentence restates a gold-dev labelling precedent with other words
    got = [i.subject for i in extract_indicators("全省商贸企业累计实现销售额312.58亿元。")]
    assert got == ["销售额"]                                   # 128: 累计实现门票收入 -> 门票收入
    assert [i.subject for i in extract_indicators("覆盖蓉溪等7个镇。")] == ["镇"]   # 124: 尧渡等9个乡镇
    got = [(i.subject, i.change) for i in extract_indicators("带动农户增收约260万元。")]
    assert got == [("农户增收", "increase")]                    # 124: 带动农民增收 -> 农民增收
    assert extract_indicators("是中部首个跨越5.5万亿元的省份。") == []   # 129: 首个突破13万亿元的省份
    got = [i.subject for i in extract_indicators("公安交管部门对3862起酒驾醉驾、群众反映强烈、隐患突出的交通违法案件开展整治。")]
    assert got == ["酒驾醉驾、群众反映强烈、隐患突出的交通违法案件"]   # 126
    got = [i.subject for i in extract_indicators("国务院“互联网+督查”平台转办工单3件。")]
    assert got == ["国务院“互联网+督查”平台转办工单"]           # 112: 省级12345热线转派工单
    got = [i.subject for i in extract_indicators("已完成现场勘查、设计审查等前期工作的项目92个。")]
    assert got == ["完成现场勘查、设计审查等前期工作的项目"]       # 117
    got = [i.subject for i in extract_indicators("制定支持民营经济发展壮大18条措施。")]
    assert got == ["制定支持民营经济发展壮大"]                  # 103: 出台服务…21条措施
    got = [i.subject for i in extract_indicators("受理各类案件4600余万件,年全同比增长近百分之一。")]
    assert got == ["受理各类案件", "受理各类案件"]              # 119: a spam-cut one-character subject


def test_share_of_units_that_did_something_and_modified_verbal_nouns():
    got = [i.subject for i in extract_indicators("全县100%的乡镇建成了规模化水厂,97.5%的行政村实现了“户户通自来水”。")]
    assert got == ["乡镇建成了规模化水厂", "行政村实现了“户户通自来水”"]   # gold-dev 118
    got = [i.subject for i in extract_indicators("今年计划新开工公共租赁住房2180套。")]
    assert got == ["计划新开工公共租赁住房"]


def test_more_gold_dev_conventions_in_other_words():
    got = [i.subject for i in extract_indicators("146个重点项目完成年度投资173.6亿元。")]
    assert got == ["重点项目", "重点项目完成年度投资"]          # 103: 重点项目完成投资
    got = [i.subject for i in extract_indicators("组织社区干部开展法律法规集中学习,全年累计学习40余次。")]
    assert got == ["法律法规集中学习"]                          # 101: 全年累计开展20余次
    got = [i.subject for i in extract_indicators("组织机关干部“轮流上讲台·以案说法”活动15场。")]
    assert got == ["“轮流上讲台·以案说法”活动"]                 # 101: “人人登台讲法治”活动
    got = [i.subject for i in extract_indicators("拨付212万元用于困难群众生活救助。")]
    assert got == ["困难群众生活救助"]                          # 104: 发放165万元保障困难群众基本生活
    got = [i.subject for i in extract_indicators("全省教育系统共有教职工(含成人高等学校)463905人。")]
    assert got == ["教职工"]                                    # 106
    assert [i.subject for i in extract_indicators("投资860万元用于道路改造。")] == ["投资"]


def test_change_verbs_before_income_and_output_objects_and_descriptor_products():
    got = [(i.subject, i.change) for i in extract_indicators("增加村集体收入3万元。")]
    assert got == [("村集体收入", "increase")]                  # 104: 增收村财
    got = [(i.subject, i.change) for i in extract_indicators("预计每年可增加粮食产量约420万公斤。")]
    assert got == [("粮食产量", "increase")]                    # 124: 可增收粮食约35万公斤
    got = [(i.subject, i.value) for i in extract_indicators("提供7×24小时服务,受理诉求120件。")]
    assert got == [("受理诉求", 120)]


def test_breakdown_by_units_keeps_the_units():
    got = [i.subject for i in extract_indicators("市本级登记办理103件次,各乡镇(街道)、县直部门登记受理15件次。")]
    assert got == ["市本级登记办理", "各乡镇(街道)、县直部门登记受理"]       # gold-dev 110
    got = [i.subject for i in extract_indicators("财政收入超亿元的县(市、区)已达84个。")]
    assert got == ["财政收入超亿元的县(市、区)"]


def test_counted_item_before_its_category_and_no_subject_outside_its_phrase():
    got = [i.subject for i in extract_indicators("妥善处置了4起食品安全舆情、2起特种设备险情等突发事件。")]
    assert got == ["食品安全舆情", "特种设备险情"]              # gold-dev 113: 3次台风外围影响等自然灾害


def test_prose_line_with_a_bar_in_its_headline_is_read():
    text = ("【春节过半|春节过半 全国实现商品销售额超4千亿元】 各地组织丰富的年俗活动,推出老字号品鉴等活动,"
            "吸引了众多市民游客前去选购。其中14支民间艺术团参与巡游,全国重点商圈接待顾客超过7亿人次。")
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert ("商品销售额", "4千亿") in got and ("民间艺术团", "14") in got


def test_difference_from_a_base_with_the_activity_verb():
    got = [(i.subject, i.change) for i in extract_indicators("全年发生火灾12起,比上年少发生3起。")]
    assert got == [("火灾", None), ("火灾", "decrease")]


def test_round_two_rewrites_of_gold_dev_conventions():
    assert extract_indicators("不合格率已连续8个季度同比下降。") == []
    got = [(i.subject, i.value) for i in extract_indicators("全国食品安全满意度连续5年保持在80分以上的良好区间。")]
    assert got == [("食品安全满意度", 80)]                      # 126: 连续4年保持98%以上的高水平
    got = [i.subject for i in extract_indicators("其中12348热线转办21件,12368热线转入案件9件。")]
    assert got == ["12348热线转办", "12368热线转入案件"]        # 112: 省级12345热线转派工单
    got = [i.subject for i in extract_indicators("带动林农务工增收约260万元。")]
    assert got == ["林农务工增收"]                              # 124: 带动农民增收
    got = [i.subject for i in extract_indicators("全市仍有5座小型水库未完成除险加固。")]
    assert got == ["小型水库未完成除险加固"]                    # 113: 3家企业未完成智能化改造
    got = [i.subject for i in extract_indicators("吸引12个国家和地区的客商。")]
    assert got == ["国家和地区"]
    got = [i.value_text for i in extract_indicators("居民消费价格指数(上年同月=100)为100.8。")]
    assert got == ["100.8"]
    got = [i.value_text for i in extract_indicators("限额以上批发业(年主营业务收入2000万元及以上)销售额为312.6亿元。")]
    assert got == ["312.6亿"]                                   # README: thresholds inside a subject


def test_minus_signed_changes_long_term_bases_and_peer_group_names():
    got = [(i.subject, i.change) for i in extract_indicators("平原区地下水位年均变幅-0.35米,人均收入增速-2.5%。")]
    assert got == [("地下水位年均变幅", "decrease"), ("人均收入增速", "decrease")]   # 105: 自然增长率-1.16‰
    got = [(i.subject, i.change) for i in extract_indicators("全年降水量比多年平均偏少12.6%。")]
    assert got == [("降水量", "decrease")]
    got = [i.subject for i in extract_indicators("收入增幅在全省21个地级以上市中居第7位,珠三角9市中居第1位。")]
    assert got == ["地级以上市", "收入增幅", "珠三角9市", "收入增幅"]   # 107


def test_lists_stop_at_a_count_and_every_n_periods_are_scope():
    got = [i.subject for i in extract_indicators("实施和平、东风等9个小区雨污分流、屋面防水等改造工程共计4.6万平方米。")]
    assert got[1] == "雨污分流、屋面防水等改造工程"           # 104: 旧村复垦、土地开发等项目
    got = [i.subject for i in extract_indicators("每隔一周安排两名注册安全工程师到社区。")]
    assert got[0].startswith("注册安全工程师")                 # 100: 每月安排两名专业律师


def test_named_people_relative_clauses_and_long_verbal_modifiers():
    got = [i.subject for i in extract_indicators("依法严惩周某某等11人操纵工程建设领域的恶势力犯罪集团。")]
    assert got == ["周某某等"]                                  # 120: 打掉廖某某等27人
    got = [i.subject for i in extract_indicators("为42名生活困难的当事人发放司法救助金61.5万元。")]
    assert got[0] == "当事人"
    got = [i.subject for i in extract_indicators("纳入省级森林资源管理“一张图”的有林地面积达到86.3万亩。")]
    assert got == ["有林地面积"]
    got = [i.subject for i in extract_indicators("一氧化碳(CO)日平均浓度的第95百分位数为1.0毫克/立方米。")]
    assert got == ["一氧化碳(CO)日平均浓度的第95百分位数"]   # 114: a nominal modifier stays


def test_spaced_numbers_in_prose_and_rank_moves_to_a_new_place():
    got = [(i.subject, i.value_text, i.unit, i.change) for i in extract_indicators(
        "解决 500 多留守老人用餐问题,处置 6 起疫情防控紧急事项,平均结案时间同比下降 7.2 %。")]
    assert [g[1:] for g in got] == [("500", "", None), ("6", "起", None), ("7.2", "%", "decrease")]
    assert got[0][0].startswith("留守老人") and got[1][0] == "疫情防控紧急事项" and got[2][0] == "平均结案时间"
    text = "全市社会消费品零售总额全省综合排名从2023年的第11位上升至2024年的第4位。"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("社会消费品零售总额", "11"), ("社会消费品零售总额", "4")]


def test_registration_numbers_and_agents_before_a_spam_word():
    assert extract_indicators("互联网新闻信息服务许可证:10120190027 本网常年法律顾问。") == []
    assert [i.value for i in extract_indicators("全国人口共1411778724人。")] == [1411778724]
    got = [i.subject for i in extract_indicators("检察九游全国检察机关办理各类案件380余万件。")]
    assert got[0] in ("办理各类案件", "各类案件")                # 119: 法院九游全国法院受理各类案件


def test_round_three_rewrites_of_gold_dev_conventions():
    got = [i.subject for i in extract_indicators("镉、铅、无机砷平均含量分别为0.021、0.056、0.017毫克/千克。")]
    assert got == ["镉", "铅", "无机砷"]                        # 114: 二氧化硫、…细颗粒物(PM2.5)平均浓度分别为
    assert [i.unit for i in extract_indicators("铅含量0.056毫克/千克。")] == ["毫克/千克"]
    got = [i.subject for i in extract_indicators("总体合格率97.82%。较上季度抽检增加318批次。")]
    assert got == ["总体合格率", "抽检"]                        # 111: 较上月办件增加263件
    assert extract_indicators("邮编618400。") == []
    got = [i.subject for i in extract_indicators("全省新增A级旅游景区5家,总数达到97家。")]
    assert got == ["新增A级旅游景区", "A级旅游景区"]


def test_coordinated_nouns_scope_notes_and_regions_of_a_forecast():
    assert [i.subject for i in extract_indicators("改造9所中小学及幼儿园食堂。")] == ["中小学及幼儿园食堂"]
    got = [i.subject for i in extract_indicators("全院共有员额法官(含院庭长)58人,比上年减少3人。")]
    assert got == ["员额法官", "员额法官"]                      # 106: 教职工(含…)
    got = [i.subject for i in extract_indicators("预计汛期降雨量总体偏多,其中南部县区偏多1~2成。")]
    assert got == ["汛期降雨量"]                                # 125: 其中桂北偏多1~2成 -> 年总降水量
    assert [i.value for i in extract_indicators("涉及三省十一县。")] == [3, 11]   # 130: 四省九市
    got = [i.subject for i in extract_indicators("组织森林防火宣传活动,全年累计开展30余次。")]
    assert got == ["森林防火宣传活动"]                          # 101: 全年累计开展20余次
    got = [i.subject for i in extract_indicators("石油及制品类是全市零售额规模较大的商品之一,占限上零售额的22.4%。")]
    assert got == ["石油及制品类"]


def test_chinese_count_after_deng_larger_than_the_names_listed():
    got = [(i.subject, i.value) for i in extract_indicators("改造桂花巷、新华里、东风路等五个老旧小区。")]
    assert got == [("老旧小区", 5)]                              # 124: 涉及尧渡等9个乡镇
    assert extract_indicators("对解放路、建设路等两条街巷进行改造。") == []   # restates the names


def test_round_three_traps_and_bases():
    assert extract_indicators("样品连续2次不合格。") == []                     # README: streak lengths
    assert [i.value for i in extract_indicators("连续6轮全员核酸检测。")] == [6]
    got = [i.subject for i in extract_indicators("其中,前10户重点企业营业收入合计28.45亿元。")]
    assert got == ["前10户重点企业营业收入"]                     # a top-N scope inside the subject
    assert extract_indicators("各乡镇要对照“3个100%”要求。") == []
    assert extract_indicators("呈现线上线下联动促销等五个特点。") == []
    got = [i.subject for i in extract_indicators("与上季度相比收案数、结案数分别增长12.36%、8.1%。")]
    assert got == ["收案数", "结案数"]
    got = [(i.subject, i.change) for i in extract_indicators("预计每年可减少物业维修支出18万元。")]
    assert got == [("物业维修支出", "decrease")]
    got = [i.subject for i in extract_indicators("入境游客和国内游客人均花费分别增长6.1%、4.2%。")]
    assert got == ["入境游客和国内游客人均花费"] * 2             # 103: 城乡居民人均可支配收入分别增长
    got = [i.subject for i in extract_indicators("发放住房租赁补贴1200户,户均3794元。")]
    assert got[1] == got[0]


def test_fresh_trap_sets_round_four():
    got = [(i.subject, i.unit) for i in extract_indicators(
        "轻度、中度、强烈、极强烈和剧烈侵蚀面积分别为3.92万、2.1万、1.05万、0.4万、0.05万平方公里。")]
    assert got == [(g, "平方公里") for g in ("轻度", "中度", "强烈", "极强烈", "剧烈")]   # 114: items
    got = [(i.value_text, i.change) for i in extract_indicators("全省工业投资增长3.2%,其中青岚市(-5.8%)下降。")]
    assert got == [("3.2", "increase"), ("5.8", "decrease")]   # gold-val README: signed figures in parentheses
    assert [(i.value, i.unit) for i in extract_indicators("库存去化周期约14个月。")] == [(14, "个月")]
    assert extract_indicators("连续14个月增长。") == []
    got = [i.subject for i in extract_indicators("其中,判处五年以上有期徒刑237人。")]
    assert got == ["判处五年以上有期徒刑"]                    # README: thresholds inside a subject
    got = [i.subject for i in extract_indicators("威尼斯人执结3677件。")]
    assert got == ["执结"]                                     # an injected site name cuts the subject


def test_round_four_subjects_ranks_and_units():
    got = [i.subject for i in extract_indicators("集体经济收入全部超过10万元。")]
    assert got == ["集体经济收入"]
    got = [(i.subject, i.value_text) for i in extract_indicators("社区消费品零售额增速居全区13个街道(镇)第2位。")]
    assert got == [("街道(镇)", "13"), ("社区消费品零售额增速", "2")]
    got = [i.subject for i in extract_indicators("组织开展“江州消费季”系列促销活动120余场。")]
    assert got[0].endswith("“江州消费季”系列促销活动")
    got = [i.subject for i in extract_indicators("文化和旅游系统出动执法人员1.35万人次。")]
    assert got == ["出动执法人员"]                              # 119: 全国法院受理… -> 受理…
    assert [i.unit for i in extract_indicators("最大流量为1200立方米每秒。")] == ["立方米每秒"]


def test_modifier_nouns_before_counted_units_and_agent_rates():
    got = [i.subject for i in extract_indicators("向1.26万户城镇住房困难家庭发放租赁补贴4870万元。")]
    assert got == ["城镇住房困难家庭", "发放租赁补贴"]
    got = [i.subject for i in extract_indicators("全省1.2万个乡村旅游经营点接待游客1960万人次。")]
    assert got == ["乡村旅游经营点", "接待游客"]
    got = [(i.subject, i.change) for i in extract_indicators("电梯加装完成120部,比上年多加装58部。")]
    assert got[1] == ("电梯加装", "increase")
    got = [i.subject for i in extract_indicators("行政机关败诉率由上年的11.2%降至7.6%。")]
    assert got == ["行政机关败诉率", "行政机关败诉率"]
    assert [i.unit for i in extract_indicators("接听群众来电1.63万通。")] == ["通"]


def test_holiday_periods_are_scope():
    got = [i.subject for i in extract_indicators("春节假期全省接待游客超5800万人次。")]
    assert got == ["接待游客"]                                  # 127/128: 国庆假期前三天 is the period
    got = [i.subject for i in extract_indicators("五一假期首日全县实现旅游收入2.3亿元。")]
    assert got == ["旅游收入"]
    got = [i.subject for i in extract_indicators("其中春节补贴576.6万元。")]
    assert got == ["春节补贴"]                                  # 109: a holiday inside a name stays


def test_list_items_like_the_others_reference_levels_and_ratio_qualifiers():
    got = [i.subject for i in extract_indicators("住宿业、餐饮业销售额(营业额)分别增长5.2%、8.1%。")]
    assert got == ["住宿业", "餐饮业"]                          # 114: the last item without the measure
    got = [(i.subject, i.value_text) for i in extract_indicators("全区千人抽检量5.2批次,高于全市平均水平(3.9批次/千人)。")]
    assert got == [("千人抽检量", "5.2"), ("全市平均水平", "3.9")]   # 107: 全省平均增幅(15.97%)
    assert [i.qualifier for i in extract_indicators("比例约为4︰2︰4。")] == ["approx"] * 3
    assert [i.subject for i in extract_indicators("林农户均增收1200元。")] == ["林农户均增收"]


def test_threshold_relative_clause_is_no_comparison():
    got = [i.subject for i in extract_indicators("其中超过50万元的村3个。")]
    assert got == ["超过50万元的村"]                            # README: thresholds inside a subject


def test_court_terms_lists_with_counts_and_comma_lists():
    assert [i.subject for i in extract_indicators("全国有71家法院新收案过万件。")] == ["法院新收案过万件"]   # 104
    got = [i.subject for i in extract_indicators("广东、江苏、河南3省法院新收案数均超50万件。")]
    assert got == ["新收案数"]
    got = [(i.value, i.subject) for i in extract_indicators("完成东园、西园2个小区改造并推进南苑、北苑等3个小区改造。")]
    assert got[-1][0] == 3
    assert extract_indicators("报告包括总体情况,主动公开情况,依申请公开情况等三个方面。") == []


def test_year_rows_take_their_column_names_and_broken_tags_are_dropped():
    text = "时间 | 国土面积 | 水土流失面积\n2019 年 | 1723.00 | 295.40\n"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("国土面积", "1723.00"), ("水土流失面积", "295.40")]
    got = [i.subject for i in extract_indicators('建成投?span lang="en-us">1.42亿元的苏斗河水库。')]
    assert "span" not in got[0]
    got = [(i.value, i.qualifier) for i in extract_indicators("共发放慰问品百余份,走访群众千余户。")]
    assert got == [(100, "more_than"), (1000, "more_than")]   # README: 五百余 -> 500


def test_narrowing_margins_and_forecast_words():
    got = [i.subject for i in extract_indicators("规上工业增加值同比下降3.2%,降幅较一季度收窄2.7个百分点。")]
    assert got == ["规上工业增加值", "降幅"]                    # sets J, AB: 增幅提高3个百分点 -> 增幅
    assert [i.subject for i in extract_indicators("规上工业总产值预测增长17.6%。")] == ["规上工业总产值"]
    got = [i.subject for i in extract_indicators("全年GDP增长5.8%,比前三季度加快2.1个百分点。")]
    assert got == ["GDP", "GDP"]


def test_grade_thresholds_and_adverb_subjects():
    got = [i.subject for i in extract_indicators("中度及以上侵蚀占比由53.08%下降到35.28%。")]
    assert got == ["中度及以上侵蚀占比"] * 2                     # README: thresholds inside a subject
    got = [i.subject for i in extract_indicators("苗木基地建设:上半年已经完成178亩。")]
    assert got == ["苗木基地建设"]


def test_references_back_plan_shares_with_a_bracketed_base_and_month_range_bases():
    got = [i.subject for i in extract_indicators("接待国内外游客150.64万人次,实现旅游收入9.11亿元,两项指标分别比上年同期增长22%和23%。")]
    assert got == ["接待国内外游客", "旅游收入", "接待国内外游客", "旅游收入"]
    got = [(i.subject, i.value_text) for i in extract_indicators("外贸进出口总额13.1亿元,完成年任务(40.2亿元)的32.5%。")]
    assert got[2] == ("完成年任务", "32.5")                      # 115: 完成全年目标任务的26%
    got = [i.subject for i in extract_indicators("限上消费品零售额增长11.1%,增速较1-2月提高1.4个百分点。")]
    assert got == ["限上消费品零售额", "增速"]
    got = [i.subject for i in extract_indicators("等级为A(笑脸,良好)的占31.26%。")]
    assert "良好)" not in got[0]


def test_forecast_scope_and_caused_losses():
    got = [i.subject for i in extract_indicators("项目建成后预计可新增森林蓄积约4.6万立方米。")]
    assert got == ["新增森林蓄积"]
    got = [i.subject for i in extract_indicators("各类自然灾害造成直接经济损失4.37亿元,同比下降21.6%。")]
    assert got == ["直接经济损失", "直接经济损失"]


def test_area_symbols_keep_their_nfkc_unit():
    # the shared scorer compares units after NFKC: ㎡ -> m2, ㎢ -> km2 (set GV)
    got = [(i.value, i.unit) for i in extract_indicators("改造面积5.2万㎡,治理面积12㎢。")]
    assert got == [(52000, "m2"), (12, "km2")]


def test_round_six_real_pages():
    got = [(i.subject, i.value_text) for i in extract_indicators("实施改造老旧小区20个,58栋楼,住户260户。")]
    assert got[1] == ("楼", "58")
    got = [i.subject for i in extract_indicators("从行政复议申请事项看,行政处罚类数量最多,共349件,占比31%。")]
    assert got[0].startswith("行政处罚类")
    got = [i.subject for i in extract_indicators("水土流失面积1234平方公里,相比2011年第一次全国水利普查减少525.42平方公里。")]
    assert got == ["水土流失面积", "水土流失面积"]              # 106: 比上年减少294所
    assert [i.unit for i in extract_indicators("浆砌石710立方。")] == ["立方"]
    assert [i.subject for i in extract_indicators("全县54家粉尘涉爆企业。")] == ["粉尘涉爆企业"]
    got = [i.subject for i in extract_indicators("完成第五批538户共有产权房居民选房。")]
    assert "第五批" not in got[0]


def test_coordination_stops_before_a_place_and_threshold_objects_of_dui():
    got = [i.subject for i in extract_indicators("对18个县(市、区)政府和冀南新区、经济技术开发区管委会开展考核。")]
    assert got == ["县(市、区)政府"]                            # 107: 7個縣(區)
    got = [i.subject for i in extract_indicators("对137起发案二十年以上的命案进行督办。")]
    assert got == ["发案二十年以上的命案"]                      # 126: 对491起…的案件


def test_round_seven_real_pages():
    got = [(i.subject, i.value_text) for i in extract_indicators("按照文件(办发〔20191号)要求,全年办结案件35件,受理投诉12件。")]
    assert got == [("办结案件", "35"), ("受理投诉", "12")]      # an unclosed 〔 hides nothing after it
    assert extract_indicators("依据〔2025〕19号文件。") == []
    got = [i.subject for i in extract_indicators("社零总额增速11.4%,增速高出市政府下达的全年任务目标(10.5%)0.9个百分点。")]
    assert got[2] == "增速"                                       # 107: …比全省平均增幅(15.97%)高6个百分点
    got = [(i.subject, i.value_text) for i in extract_indicators("社会消费品零售总额和增速排名分别为第4位和第3位。")]
    assert [v for _, v in got] == ["4", "3"]
    got = [(i.subject, i.unit) for i in extract_indicators("廣東省(sheng)常住人口12656.8萬(wan)人。")]
    assert got == [("常住人口", "人")]                           # toneless pinyin glosses are dropped
    assert [i.subject for i in extract_indicators("9项约束性指标全部完成。")] == ["约束性指标"]


def test_reading_metadata_long_term_bases_and_thresholds_passed_by_counted_units():
    assert extract_indicators("本篇文章1020字,读完约3分钟。") == []
    got = [i.subject for i in extract_indicators("面降雨372毫米,较常年梅雨量偏多五成,是1998年同期的3倍多。")]
    assert got == ["面降雨"] * 3                                 # 105: 增长6.2% -> 生产总值
    got = [(i.subject, i.value) for i in extract_indicators("全国有11个省份完成投资超过500亿元。")]
    assert got == [("省份", 11)]


def test_table_cells_separated_by_blank_lines():
    text = "信息内容\n\n本年新制作数量\n\n本年新公开数量\n\n规章\n\n 0\n\n 0\n\n规范性文件\n\n 181\n\n 121\n"
    got = [(i.subject, i.value_text) for i in extract_indicators(text)]
    assert got == [("规章", "0"), ("规章", "0"), ("规范性文件", "181"), ("规范性文件", "121")]
    text = "粮食总产量\n\n162817吨\n\n0.5\n\n其中:谷物\n\n97658吨\n\n-9.7\n"
    got = [(i.subject, i.value_text, i.unit) for i in extract_indicators(text)]
    assert ("谷物", "97658", "吨") in got


def test_scenic_spot_scope_before_visitors():
    assert [i.subject for i in extract_indicators("中华彩灯大世界接待游客20.45万人次。")] == ["接待游客"]   # 128


def test_shortened_narrowed_and_faster_are_changes():
    inds = extract_indicators("工业产值下降5%,降幅较一季度收窄1.8个百分点;增速比上年加快0.6个百分点。"
                              "案件平均审理周期同比缩短12%,审批时限缩短至4天。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("5", "工业产值", "decrease"), ("1.8", "降幅", "decrease"), ("0.6", "增速", "increase"),
        ("12", "案件平均审理周期", "decrease"), ("4", "审批时限", None)]
    assert [(i.subject, i.change) for i in extract_indicators("投资增速放缓3.1个百分点。")] == [
        ("投资增速", "decrease")]


def test_shared_modifier_of_a_fenbie_list_stays_out_of_the_first_item():
    inds = extract_indicators("今年汛期全省因洪涝造成的死亡人数、倒塌房屋数量和直接经济损失分别减少了31.5%、42%和18.3%。")
    assert [(i.subject, i.change) for i in inds] == [
        ("死亡人数", "decrease"), ("倒塌房屋数量", "decrease"), ("直接经济损失", "decrease")]


def test_difference_from_former_years_is_a_change():
    inds = extract_indicators("南部山区降水比往年多1~3成,北部降雨量比往年同期少2成。")
    assert [(i.value_text, i.change) for i in inds] == [("1~3", "increase"), ("2", "decrease")]


def test_partitive_zhong_after_a_count():
    inds = extract_indicators("全年审结的行政复议案件412件中直接纠错57件。全区共划分20个大网格、96个中网格。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("412", "审结的行政复议案件"), ("57", "直接纠错"), ("20", "大网格"), ("96", "中网格")]


def test_noun_before_the_verb_of_a_rate_stays():
    inds = extract_indicators("作为主要销售渠道之一的网购食品抽检不合格率为1.80%。全县重点水利工程投资完成率达到95%以上。")
    assert [i.subject for i in inds] == ["网购食品抽检不合格率", "重点水利工程投资完成率"]


def test_hotline_row_with_a_bare_verb_keeps_the_hotline():
    inds = extract_indicators("其中,甲县12345受理1200个,占30.5%;12345热线共受理网络渠道诉求300件。")
    assert [i.subject for i in inds] == ["甲县12345受理", "甲县12345受理", "受理网络渠道诉求"]


def test_negative_growth_is_a_decrease():
    inds = extract_indicators("全县地区生产总值80亿元,比上年同期增长-3.6%;第二产业增加值20亿元,增长-12.7%。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("80亿", "地区生产总值", None), ("3.6", "地区生产总值", "decrease"),
        ("20亿", "第二产业增加值", None), ("12.7", "第二产业增加值", "decrease")]
    assert extract_indicators("报告-10篇") == []          # a dash before a count is no minus sign


def test_margin_over_a_benchmark_in_parentheses_is_the_earlier_figures():
    inds = extract_indicators("全市税收收入增长15%,比全省平均水平(9.5%)高5.5个百分点。工业增加值增长4.5%,比7月加快0.8个百分点。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("15", "税收收入"), ("9.5", "全省平均水平"), ("5.5", "税收收入"),
        ("4.5", "工业增加值"), ("0.8", "工业增加值")]


def test_gloss_of_a_formula_slogan_is_no_indicator():
    inds = extract_indicators("推行“1名网格长+2名网格员+若干志愿者”的1+2+N模式,全镇配备网格员86名。")
    assert [(i.value_text, i.subject) for i in inds] == [("86", "配备网格员")]


def test_malformed_numbers_and_bands_from_scraped_bulletins():
    inds = extract_indicators("原煤产量1200万吨,同比下降9..6%。其中10至500万元项目累计投资0.31亿元。人口性别比为101.2(以女性为100)。")
    assert [(i.value_text, i.value, i.subject, i.change) for i in inds] == [
        ("1200万", 12000000, "原煤产量", None), ("9..6", Decimal("9.6"), "原煤产量", "decrease"),
        ("0.31亿", 31000000, "10至500万元项目累计投资", None), ("101.2", Decimal("101.2"), "人口性别比", None)]


def test_base_period_figure_in_parentheses_is_the_earlier_measures():
    inds = extract_indicators("全县地区生产总值增长4.2%,较一季度(-6.5%)回升10.7个百分点;税收收入增长3.1%,较上年同期(2.4%)有所加快。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("4.2", "地区生产总值", "increase"), ("6.5", "地区生产总值", "decrease"), ("10.7", "地区生产总值", "increase"),
        ("3.1", "税收收入", "increase"), ("2.4", "税收收入", None)]


def test_ordinal_rounds_top_n_scopes_and_cut_notices_are_no_indicators():
    inds = extract_indicators("一次退回补充侦查8件9人,二次退回补充侦查2件2人。诉求量前10位的分别是:物业管理、交通出行。此处省略350字。")
    assert [(i.value_text, i.unit, i.subject) for i in inds] == [
        ("8", "件", "一次退回补充侦查"), ("9", "人", "一次退回补充侦查"),
        ("2", "件", "二次退回补充侦查"), ("2", "人", "二次退回补充侦查")]


def test_scope_before_gong_you_and_pronouns_stay_out():
    inds = extract_indicators("大会共有代表286名。全市共有产权住房1200套。共为他们申请救济金8000余元。")
    assert [i.subject for i in inds] == ["代表", "共有产权住房", "申请救济金"]


def test_run_on_clause_without_a_comma():
    inds = extract_indicators("发放宣传资料300余份律师进村讲座4次。全省纳入监测的52家A级旅游景区接待游客80万人次。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("300", "发放宣传资料"), ("4", "律师进村讲座"), ("52", "A级旅游景区"), ("80万", "接待游客")]


def test_units_that_have_done_it_keep_their_predicate():
    inds = extract_indicators("列入全省20项民心工程的5项任务均已完成。3座小型水库未完成除险加固。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("20", "民心工程"), ("5", "任务均已完成"), ("3", "小型水库未完成除险加固")]
    assert [i.subject for i in extract_indicators("目前二期4500平方米仓储用房已封顶。")] == ["仓储用房"]


def test_prose_beside_a_run_of_empty_table_bars_is_not_swallowed():
    text = "全县完成水土保持投资3800万元,治理面积12平方公里。\n|\n|\n|\n|\n|\n"
    assert [(i.value_text, i.subject) for i in extract_indicators(text)] == [
        ("3800万", "水土保持投资"), ("12", "治理面积")]
    table = "项目\n|\n予以公开(区分处理的,只计这一情形)\n|\n12\n|\n不予公开\n|\n3\n|\n"
    assert [(i.value_text, i.subject) for i in extract_indicators(table)] == [
        ("12", "予以公开"), ("3", "不予公开")]


def test_plan_share_is_not_inherited_and_thresholds_with_de_are_no_indicators():
    inds = extract_indicators("全市外贸进出口210亿元,完成年度目标任务的52.4%,同比增长9.3%。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("210亿", "外贸进出口"), ("52.4", "完成年度目标任务"), ("9.3", "外贸进出口")]
    assert extract_indicators("对亩均税收低于3万元的低效企业进行整治,排名倒数后2名的乡镇由主要领导约谈。") == []
    inds = extract_indicators("每个社区配齐不少于3人的调解员。国庆7天接待游客12万人次。")
    assert [(i.value_text, i.qualifier, i.subject) for i in inds] == [
        ("3", "more_than", "调解员"), ("12万", None, "接待游客")]


def test_company_before_its_investment_is_the_agent():
    inds = extract_indicators("今年引进某某生物科技有限公司投资800万元建设种植基地。")
    assert [(i.value_text, i.subject) for i in inds] == [("800万", "投资")]


def test_compound_verb_with_tisheng_is_no_change():
    inds = extract_indicators("整治提升32家低效企业,群众满意度提升5个百分点。")
    assert [(i.value_text, i.change) for i in inds] == [("32", None), ("5", "increase")]


def test_counts_restating_lists_joined_by_ji_or_commas():
    assert extract_indicators("在村庄改造、道路硬化及党建等三项重点工作中成效显著。") == []
    inds = extract_indicators("粮食加工品,肉制品,乳制品等3大类食品,抽检合格率为98.5%。")
    assert [i.value_text for i in inds] == ["98.5"]
    inds = extract_indicators("组建应急队、督查队和志愿服务队等3支队伍,甲、乙等12个单位参加。")
    assert [i.value_text for i in inds] == ["12"]


def test_forecast_marker_and_noun_suffixes():
    inds = extract_indicators("(预计)实现茶叶产量520吨。形成“一站通办”等4项首创性改革创新成果。")
    assert [(i.value_text, i.subject) for i in inds] == [("520", "茶叶产量"), ("4", "首创性改革创新成果")]


def test_subject_after_a_count_stops_at_a_closing_parenthesis():
    inds = extract_indicators("全区共发生亡人道路交通事故9起(含2起生产安全事故)、死亡10人。2025年新华乡全乡共18人持有行政执法证。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("9", "发生亡人道路交通事故"), ("2", "生产安全事故"), ("10", "死亡"), ("18", "持有行政执法证")]


def test_five_year_and_average_bases_and_locations_before_the_verb():
    inds = extract_indicators("受理案件12万件,结案率95%,较上一个五年分别上升44.1%、14.8%。"
                              "因灾死亡人数、倒塌房屋数量和直接经济损失与近5年均值相比分别下降12.1%、63.3%、25.3%。")
    assert [i.subject for i in inds if i.change] == ["受理案件", "结案率", "因灾死亡人数", "倒塌房屋数量", "直接经济损失"]
    inds = extract_indicators("在去年完成投资3800多万元的基础上,在主要路口设立卡口18个。")
    assert [(i.value_text, i.subject) for i in inds] == [("3800", "完成投资"), ("18", "设立卡口")]


def test_fenbie_items_listed_between_commas():
    inds = extract_indicators("从抽样品种看,消费量大的粮食加工品,食用油、油脂及其制品,肉制品,乳制品等4大类食品,"
                              "监督抽检不合格率分别为0.61%、1.10%、0.92%、0.05%。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("0.61", "粮食加工品"), ("1.10", "食用油、油脂及其制品"), ("0.92", "肉制品"), ("0.05", "乳制品")]
    inds = extract_indicators("蔬菜制品、酒类等27大类食品不合格率有所降低。")
    assert [i.value_text for i in inds] == ["27"]


def test_policy_package_names_shares_with_de_and_money_aimed_at_a_target():
    assert extract_indicators("深入实施省“稳增长20条”,出台“金融30条”。") == []
    inds = extract_indicators("超过四成的案件在巡回法庭审结。我市今年将有30.5亿元投向保障性安居工程。")
    assert [(i.value, i.unit, i.qualifier, i.subject) for i in inds] == [
        (40, "%", "more_than", "案件在巡回法庭审结"), (3050000000, "元", None, "保障性安居工程")]


def test_growth_share_is_a_level_and_fenbie_over_bases_shares_the_measure():
    inds = extract_indicators("41个大类行业中有32个增加值同比增长,增长面为78%。")
    assert [(i.value_text, i.subject, i.change) for i in inds][-1] == ("78", "增长面", None)
    inds = extract_indicators("限额以上零售额增长14.3%,增速较上月、上年同期分别提高3.5、5.9个百分点。")
    assert [(i.value_text, i.subject) for i in inds] == [("14.3", "限额以上零售额"), ("3.5", "增速"), ("5.9", "增速")]


def test_bare_zhan_bizhong_and_plan_period_bases():
    inds = extract_indicators("全镇服务业营业收入12.5亿元,同比增长8.1%,占比重为90.2%。投入资金20亿元,比“十三五”期间增加30%。")
    assert [i.subject for i in inds] == ["服务业营业收入"] * 3 + ["投入资金"] * 2


def test_milestone_passed_is_the_earlier_measures():
    inds = extract_indicators("全省水利建设完成投资1203亿元,提前一个月迈上1000亿元的台阶。地区生产总值首次突破500亿元大关。")
    assert [(i.value_text, i.subject, i.qualifier) for i in inds] == [
        ("1203亿", "水利建设完成投资", None), ("1000亿", "水利建设完成投资", "more_than"),
        ("500亿", "地区生产总值", "more_than")]


def test_figure_lines_in_a_blank_line_layout_and_comment_widgets():
    text = ("4A级景区白兆山文化旅游区\n\n接待游客3092人次\n\n3A级景区盛世闻樱\n\n接待游客6701人次\n\n"
            "(作者:某某)\n\n评论一下\n评论 0人参与,0条评论\n已有0人参与,点击查看更多精彩评论\n")
    assert [(i.value_text, i.subject) for i in extract_indicators(text)] == [
        ("3092", "接待游客"), ("6701", "接待游客")]


def test_values_joined_by_he_pair_with_items_joined_by_he():
    inds = extract_indicators("住宿业和餐饮业实现零售额3.98亿元和33.76亿元,增长6.7%和12.1%。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("3.98亿", "住宿业"), ("33.76亿", "餐饮业"), ("6.7", "住宿业"), ("12.1", "餐饮业")]


def test_household_person_pairs_rates_before_wei_and_generic_involve():
    inds = extract_indicators("共有砂压农田200亩,全镇4812户17222人受灾。全镇有地质灾害隐患点5处,涉及50户115人。水土流失面积减幅为2.5%。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("200", "砂压农田", None), ("4812", "受灾", None), ("17222", "受灾", None),
        ("5", "地质灾害隐患点", None), ("50", "地质灾害隐患点", None), ("115", "地质灾害隐患点", None),
        ("2.5", "水土流失面积", "decrease")]


def test_prose_lines_ending_in_a_bar_are_still_read():
    text = "标题 |\n来源 |\n日期 |\n全国实施水利项目2.35万个,比去年同期增长15.8%。 |\n"
    assert [(i.value_text, i.change) for i in extract_indicators(text)] == [("2.35万", None), ("15.8", "increase")]


def test_fenbie_rates_pair_with_the_items_before_and_currency_and_spam_headers():
    inds = extract_indicators("批发业、零售业销售额分别增长5%、6%,增速分别提高1.2、2.3个百分点。")
    assert [i.subject for i in inds] == ["批发业", "零售业", "批发业", "零售业"]
    text = "精品日韩欧美一区二区三区,伊人婷婷色,国产成人精品一区二三区2022,fc2ppv\n全省旅游收入230亿元人民币。\n"
    assert [(i.value_text, i.subject) for i in extract_indicators(text)] == [("230亿", "旅游收入")]


def test_fenbie_ladong_names_its_own_contribution():
    inds = extract_indicators("三次产业贡献率为40%,分别拉动GDP增长0.7个、5.1个百分点。再就业800人,分别完成年计划的76.5%。")
    assert [(i.value_text, i.subject) for i in inds][1:3] == [("0.7", "拉动GDP"), ("5.1", "拉动GDP")]


def test_people_sent_out_are_counted_by_the_verb_before():
    inds = extract_indicators("共出动182人次深入街道、村屯开展宣传。组织党员200名参加活动。")
    assert [(i.value_text, i.subject) for i in inds] == [("182", "出动"), ("200", "组织党员")]


def test_share_of_the_budget_with_a_scope_note_in_parentheses():
    inds = extract_indicators("全区完成公共财政预算支出8000万元,为预算的(包括本级预算和上级专项)69%,同比增长17%。")
    assert [i.subject for i in inds] == ["公共财政预算支出"] * 3


def test_target_set_above_is_a_comparison_base():
    inds = extract_indicators("火案查处率达95%,比省人民政府下达指标提高了4.2%。")
    assert [(i.subject, i.change) for i in inds] == [("火案查处率", None), ("火案查处率", "increase")]


def test_ping_mi_and_yu_between_magnitudes():
    inds = extract_indicators("城镇人均住房面积达到43平米。全年投资1千余万元。")
    assert [(i.value, i.unit, i.qualifier) for i in inds] == [(43, "平米", None), (10000000, "元", "more_than")]


def test_industry_names_stay_whole():
    inds = extract_indicators("信息传输、软件和信息技术服务业增加值80亿元。")
    assert [i.subject for i in inds] == ["信息传输、软件和信息技术服务业增加值"]


def test_youxu_ends_the_counted_noun():
    inds = extract_indicators("全市36件在建重点水利工程有序推进。")
    assert [i.subject for i in inds] == ["在建重点水利工程"]


def test_place_restated_as_quan_shi_is_scope():
    inds = extract_indicators("2011年成都全市实现进出口总额379.06亿美元。渭南全市接待国内外游客142万人次。")
    assert [i.subject for i in inds] == ["进出口总额", "接待国内外游客"]


def test_enterprises_before_shixian_are_the_producers():
    inds = extract_indicators("辖区限额以上商贸企业实现销售额42.3亿元,增长6.1%。全国规模以上工业企业实现利润总额5万亿元。")
    assert [i.subject for i in inds] == ["销售额", "销售额", "规模以上工业企业实现利润总额"]
    assert [i.subject for i in extract_indicators("工业百强企业实现总产值2860亿元。")] == ["工业百强企业实现总产值"]


def test_scope_and_base_words_set_hx_hy_hz():
    inds = extract_indicators("青溪村共接待游客12522人次。四级访同比批次下降36%。全年地区生产总值同比(下同)增长4.5%。")
    assert [i.subject for i in inds] == ["接待游客", "批次", "地区生产总值"]
    inds = extract_indicators("三次产业结构由10:50:40演进为8:45:47。全县有10亿元项目1个。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("10", "三次产业结构"), ("50", "三次产业结构"), ("40", "三次产业结构"),
        ("8", "三次产业结构"), ("45", "三次产业结构"), ("47", "三次产业结构"), ("1", "10亿元项目")]
    inds = extract_indicators("旺苍县五一假期接待游客8.31万人次——来源:广元日报\n")
    assert [i.value_text for i in inds] == ["8.31万"]


def test_counting_notes_of_rates_and_tongqi_inside_a_subject():
    inds = extract_indicators("全区不起诉率(按人数)为19.3%。结案率总体水平达92%。法院同期已纠正50件。")
    assert [i.subject for i in inds] == ["不起诉率", "结案率", "已纠正"]


def test_subsidy_granted_per_unit_is_named_after_the_amount():
    inds = extract_indicators("同时给予每台电梯10万元补贴,给予每人每月500元生活补贴。")
    assert [(i.value_text, i.subject) for i in inds] == [("10万", "补贴"), ("500", "生活补贴")]


def test_categories_before_shixian_lingshoue_and_baselines_set_ia_ib():
    inds = extract_indicators("家具类实现零售额0.9亿元。汽车类商品增势良好,实现零售额4.6亿元,增长18.8%。")
    assert [i.subject for i in inds] == ["家具类", "汽车类商品", "汽车类商品"]
    inds = extract_indicators("森林覆盖率由工程实施前的35%提高到52%。去年该水库内的蓄水量约为300万立方米。较1-10月增速回落0.5个百分点。")
    assert [i.subject for i in inds] == ["森林覆盖率", "森林覆盖率", "蓄水量", "增速"]
    assert extract_indicators("已有0人发表了评论\n") == []


def test_level_after_a_growth_rate_and_counted_enterprises():
    inds = extract_indicators("全县地区生产总值增长12.6%达92.9亿元。18家规上工业企业实现总产值10.73亿元。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("12.6", "地区生产总值", "increase"), ("92.9亿", "地区生产总值", None),
        ("18", "规上工业企业", None), ("10.73亿", "总产值", None)]


def test_fenbie_after_a_shared_fenbie_list_and_essay_markers():
    inds = extract_indicators("城乡居民人均可支配收入分别增长10%和12%,分别达41266元和12835元。")
    assert [i.subject for i in inds] == ["城乡居民人均可支配收入"] * 4
    inds = extract_indicators("2025年社区中秋活动总结 篇1\n今年中秋,社区开展活动3场。")
    assert [i.value_text for i in inds] == ["3"]


def test_noun_phrase_details_set_if_ig():
    inds = extract_indicators("全县共举办18场次营业性演出活动,检查网吧25家、KTV9家、星级酒店2家。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("18", "营业性演出活动"), ("25", "检查网吧"), ("9", "KTV"), ("2", "星级酒店")]
    inds = extract_indicators("为航展馆内12家供餐企业办理《食品经营许可证》24张。为30名因案致贫群众发放司法救助。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("12", "供餐企业"), ("24", "办理《食品经营许可证》"), ("30", "因案致贫群众")]
    inds = extract_indicators("全市社会消费品零售总额增长12.4%,连续6个季度保持全省第一。")
    assert [i.subject for i in inds] == ["社会消费品零售总额", "社会消费品零售总额"]


def test_sample_essay_titles_are_no_indicators():
    assert [i.value_text for i in extract_indicators("饮水工程报告【必备13篇】\n全县完成投资500万元。")] == ["500万"]
    assert [i.value_text for i in extract_indicators("乡镇政府工作报告1\n全镇完成投资500万元。")] == ["500万"]
    assert [i.value_text for i in extract_indicators("召开工作会议3次,听取专题报告12")] == ["3", "12"]


def test_blank_line_table_with_long_industry_labels():
    text = ("按行业分\n\n住宿和餐饮业\n\n128.78\n\n-26.6\n\n信息传输、软件和信息技术服务业\n\n1819.13\n\n5.3\n\n"
            "金融业\n\n4125.33\n\n6.1\n\n房地产业\n\n1662.30\n\n-10.0\n")
    got = [(i.value_text, i.subject) for i in extract_indicators(text)]
    assert ("1819.13", "信息传输、软件和信息技术服务业") in got and ("26.6", "住宿和餐饮业") in got


def test_unsigned_cells_under_a_growth_column_header_are_rises():
    text = ("指标\n|\n绝对数\n|\n比上年增长%\n|\n生产总值\n|\n295.4\n|\n7.7\n|\n第一产业\n|\n24.4\n|\n-3.3\n|\n"
            "第二产业\n|\n210.1\n|\n11.6\n|\n")
    got = [(i.value_text, i.subject, i.change) for i in extract_indicators(text)]
    assert got == [("295.4", "生产总值", None), ("7.7", "生产总值", "increase"), ("24.4", "第一产业", None),
                   ("3.3", "第一产业", "decrease"), ("210.1", "第二产业", None), ("11.6", "第二产业", "increase")]


def test_bare_millions_campaign_bases_and_mediation_committees():
    inds = extract_indicators("东湖风景区累计接待游客超百万人次。县医疗纠纷调委会调处医患纠纷30件。")
    assert [(i.value, i.qualifier, i.subject) for i in inds] == [
        (1000000, "more_than", "接待游客"), (30, None, "调处医患纠纷")]
    inds = extract_indicators("各类调解人员和人民调解员比“大调解”实施前分别增长了3%和9%。梳理负面清单等7项涉企事项清单。")
    assert [i.subject for i in inds] == ["各类调解人员", "人民调解员", "涉企事项清单"]


def test_people_served_after_tisheng_are_no_change_and_quoted_signboards():
    inds = extract_indicators("改善提升了11.2万农村群众的饮水条件。设置184块“河长制”公示牌。收入提高了1200元。")
    assert [(i.value_text, i.subject, i.change) for i in inds] == [
        ("11.2万", "农村群众", None), ("184", "“河长制”公示牌", None), ("1200", "收入", "increase")]


def test_describing_list_before_de_and_a_wrapped_gaoda():
    inds = extract_indicators("涵盖吃、住、行、游、购、娱等全要素的旅游消费交易总金额达256.14亿元。")
    assert [i.subject for i in inds] == ["旅游消费交易总金额"]
    inds = extract_indicators("直接纠错决定12件,纠错率高\n达55.6%,同比上升。")
    assert [(i.value_text, i.subject) for i in inds] == [("12", "直接纠错决定"), ("55.6", "纠错率")]


def test_jun_after_bare_modifiers_keeps_the_shared_head():
    inds = extract_indicators("一产、三产占比均提高0.1个百分点。按期办结率、办结回复率、群众满意率均为100%。")
    assert [i.subject for i in inds] == ["一产、三产占比", "按期办结率"]


def test_places_sharing_one_value_with_jun_are_scope():
    inds = extract_indicators("襄阳、宜昌总量均超过3100亿元。云南、江苏春节假期游客接待量均超4000万人次。")
    assert [(i.subject, i.qualifier) for i in inds] == [("总量", "more_than"), ("游客接待量", "more_than")]


def test_links_to_other_articles_are_no_indicators():
    text = ("上一篇:2023年全县GDP增长5.2%\n下一篇:全县接待游客120万人次\n相关阅读:\n全市一季度供地面积环比增加41.79%\n"
            "全年接待游客200万人次,同比增长15%,各项工作稳步推进,取得了显著成效,全县经济社会发展保持良好态势。")
    assert [i.value_text for i in extract_indicators(text)] == ["200万", "15"]


def test_number_inside_injected_spam_is_no_indicator():
    assert extract_indicators("又黄又爽又猛1000部a片\n全县完成投资1000万元。")[0].value_text == "1000万"
    assert len(extract_indicators("又黄又爽又猛1000部a片\n全县完成投资1000万元。")) == 1


def test_xianhou_counts_lists_of_counts_and_objects_of_wei():
    assert [i.subject for i in extract_indicators("志愿者奋斗在一线,先后18次驰援。先后组织测试2次。")] == ["驰援", "组织测试"]
    inds = extract_indicators("中心容纳了6个业务科室站所、3个派驻部门。")
    assert [(i.value_text, i.subject) for i in inds] == [("6", "业务科室站所"), ("3", "派驻部门")]


def test_a_courts_headline_intake_is_the_activity_but_a_court_level_names_the_item():
    text = "全市法院收案18319件。市中院受理12974件。最高人民法院收案34898件。其中中级法院受理3391件,基层法院收案27199件。"
    assert [i.subject for i in extract_indicators(text)] == ["收案", "受理", "收案", "中级法院受理", "基层法院收案"]


def test_a_round_magnitude_after_tupo_is_the_figure_unless_it_defines_what_is_counted():
    inds = extract_indicators("全年地区生产总值突破千亿,工业总产值迈过百亿大关。老年人接种逾万人。")
    assert [(i.value, i.unit, i.unit_text, i.subject, i.qualifier) for i in inds] == [
        (100000000000, "", "亿", "地区生产总值", "more_than"), (10000000000, "", "亿", "工业总产值", "more_than"),
        (10000, "人", "万人", "老年人接种", "more_than")]
    assert [i.value for i in extract_indicators("14省旅游收入超百亿。全镇89家超千万企业完成产值。")] == [14, 89]
    assert extract_indicators("万人空巷,万众一心。") == []


def test_yuetan_is_a_verb_not_an_approximation():
    assert [(i.subject, i.qualifier) for i in extract_indicators("约谈责任人12人。")] == [("约谈责任人", None)]


def test_places_joined_as_possessors_of_a_measure_are_fenbie_items():
    inds = extract_indicators("日本、韩国和越南的出口额分别达100万美元、200万美元和300万美元。")
    assert [i.subject for i in inds] == ["日本", "韩国", "越南"]
    inds = extract_indicators("城镇、农村居民人均可支配收入分别增长5%和6%。")
    assert [i.subject for i in inds] == ["城镇、农村居民人均可支配收入"] * 2


def test_a_counted_noun_with_a_verb_noun_head_runs_to_the_list_separator():
    inds = extract_indicators("完成3个食品督察、7个全面督导。组织了5次森林火灾扑救演练和3次培训。")
    assert [i.subject for i in inds] == ["食品督察", "全面督导", "森林火灾扑救演练", "培训"]
    assert [i.subject for i in extract_indicators("列入改造的10个区县涉及居民3万户。")] == ["区县", "居民"]


def test_an_alternative_measure_word_after_a_space_belongs_to_the_unit():
    inds = extract_indicators("直接答复33786件 (次),办结3000件(次)。")
    assert [(i.unit, i.unit_text) for i in inds] == [("件(次)", "件 (次)"), ("件(次)", "件(次)")]
    text = "直接答复33786件 (次)。"
    _grounded(text, extract_indicators(text)[0])


def test_milligrams_per_cubic_metre_spelt_out_and_a_programme_name_is_no_change():
    inds = extract_indicators("一氧化碳浓度1.4毫克每立方米,下降17.6%。")
    assert [(i.value_text, i.unit, i.subject) for i in inds] == [("1.4", "毫克每立方米", "一氧化碳浓度"),
                                                                ("17.6", "%", "一氧化碳浓度")]
    assert extract_indicators("职业技能提升行动共计培训2476人。")[0].change is None


def test_two_benchmarks_in_parentheses_and_their_two_margins():
    inds = extract_indicators("规模以上工业增加值同比增长9.1%,比全省(7.4%)和全国平均水平(6.3%)分别高1.7 、2.8个百分点。")
    assert [(i.value_text, i.subject) for i in inds] == [
        ("9.1", "规模以上工业增加值"), ("7.4", "全省"), ("6.3", "全国平均水平"),
        ("1.7", "规模以上工业增加值"), ("2.8", "规模以上工业增加值")]


def test_months_of_this_year_as_comparison_bases_in_a_list():
    inds = extract_indicators("增加值下降0.5%,降幅比今年1-3月、1-4月、1-5月分别收窄6.4、7.8、5.2个百分点。")
    assert [i.subject for i in inds[1:]] == ["降幅"] * 3


def test_conjunctions_modals_quoted_names_and_a_level_after_a_change():
    inds = extract_indicators("全年经济增长6%,但是两年平均增长达5.1%。失业率能够保持在5.5%以内。")
    assert [i.subject for i in inds] == ["经济", "经济", "失业率"]
    assert extract_indicators("以“333项目”为重点,推进建设。") == []
    inds = extract_indicators("经营主体净增98万户、突破1900万户。")
    assert [(i.change, i.qualifier) for i in inds] == [("increase", None), (None, "more_than")]
    assert extract_indicators("总铺设长度计4374公尺。")[0].unit == "公尺"


def test_lodging_units_before_jiedai_are_scope():
    inds = extract_indicators("全州经营性住宿单位接待过夜游客116.84万人次,同比增长2.53%。")
    assert [i.subject for i in inds] == ["接待过夜游客"] * 2


def test_the_shared_measure_stays_out_of_the_last_short_item():
    inds = extract_indicators("监察、仲裁、信访案件结案率分别达到99%、98%和97%。")
    assert [i.subject for i in inds] == ["监察", "仲裁", "信访"]
    inds = extract_indicators("新生儿、婴儿和5岁以下儿童死亡率分别为0.93‰、1.62‰、1.93‰。")
    assert inds[-1].subject != "5岁以下"


def test_the_previous_years_level_before_a_change_is_a_base_not_a_growth_rate():
    inds = extract_indicators("婴儿死亡率为4.54‰,较上年4.92‰下降了7.72%。")
    assert [(i.value_text, i.change) for i in inds] == [("4.54", None), ("4.92", None), ("7.72", "decrease")]


def test_a_pair_of_placings_and_counted_first_places():
    inds = extract_indicators("总量和增速分别位列全市第一和第二位。")
    assert [(i.value, i.subject) for i in inds] == [(1, "总量"), (2, "增速")]
    assert [i.value for i in extract_indicators("收获了16项全省第一。")] == [16]


def test_a_count_restating_listed_names_of_canteens_or_courts_is_no_indicator():
    assert extract_indicators("规范孟庄、西关、北关3处幸福食堂运营。") == []
    assert extract_indicators("设立铁路、海事、矿区3个专门法院。") == []


def test_what_was_done_to_the_object_of_dui_is_counted():
    inds = extract_indicators("对故意杀人、抢劫等重大刑事犯罪批捕17件21人。对涉罪未成年人依法附条件不起诉3.1万人。")
    assert [i.subject for i in inds] == ["批捕", "批捕", "附条件不起诉"]


def test_the_size_of_counted_items_is_no_indicator():
    inds = extract_indicators("今年安装路灯84套、15米中杆灯15套。配备660升垃圾桶700个。")
    assert [(i.value_text, i.unit) for i in inds] == [("84", "套"), ("15", "套"), ("700", "个")]
    assert extract_indicators("新建道路15米。")[0].unit == "米"


def test_a_cell_per_line_table_with_a_unit_column_and_a_year_header():
    text = ("指 标 |\n单位 |\n2021年 |\n比上年增长(%) |\n地区生产总值 |\n亿元 |\n91.3 |\n7.5 |\n"
            "第二产业 |\n亿元 |\n22.7 |\n-6.2 |\n")
    inds = extract_indicators(text)
    assert [(i.value_text, i.unit, i.unit_text, i.subject, i.change) for i in inds] == [
        ("91.3", "元", "亿元", "地区生产总值", None), ("7.5", "", "", "地区生产总值", "increase"),
        ("22.7", "元", "亿元", "第二产业", None), ("6.2", "", "", "第二产业", "decrease")]
    assert inds[0].value == Decimal("9130000000")
    for i in inds:
        _grounded(text, i)


def test_more_milestone_and_shortfall_words_and_the_measure_word_ba():
    inds = extract_indicators("经济总量逼近9万亿元,首次跨过3万亿元。合格率未达到100%。共配发铁锹131把。")
    assert [(i.subject, i.qualifier, i.unit) for i in inds] == [
        ("经济总量", "approx", "元"), ("经济总量", "more_than", "元"), ("合格率", "less_than", "%"), ("配发铁锹", None, "把")]


def test_sizes_resolutions_plan_period_bases_and_two_figures_referred_back():
    assert [(i.value_text, i.unit) for i in extract_indicators("新建2.5m宽生产便道8km。")] == [("8", "km")]
    assert extract_indicators("采用2米分辨率卫星影像。") == []
    inds = extract_indicators("中央投资120亿元,较“十二五”增长45%。")
    assert inds[1].subject == "中央投资"
    inds = extract_indicators("接待游客120万人次,门票收入3000万元,两项数据较之2023年分别增长15.87%和14.63%。")
    assert [i.subject for i in inds] == ["接待游客", "门票收入", "接待游客", "门票收入"]


def test_units_counted_by_what_they_achieved_keep_the_predicate():
    inds = extract_indicators("57家小微园区完成规范化建设。236名失业人员实现再就业。")
    assert [i.subject for i in inds] == ["小微园区完成规范化建设", "失业人员实现再就业"]
    # all of them did it: the units are counted; an existential verb is no achievement (gold-dev 125)
    assert extract_indicators("54家粉尘涉爆企业全部实现企业自查。")[0].subject == "粉尘涉爆企业"
    assert extract_indicators("预计有2至4个热带气旋生成。")[0].subject == "热带气旋"


def test_open_government_table_cells_with_trailing_empty_cells_and_village_groups():
    text = ("信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 | |\n行政许可 |\n0 |\n+10 |\n0 | |\n"
            "其他对外管理服务事项 |\n0 |\n+62 |\n137 | |\n")
    inds = extract_indicators(text)
    assert [(i.value_text, i.subject) for i in inds] == [
        ("0", "行政许可"), ("10", "行政许可"), ("0", "行政许可"),
        ("0", "其他对外管理服务事项"), ("62", "其他对外管理服务事项"), ("137", "其他对外管理服务事项")]
    assert extract_indicators("公开了张庄村3组征地补助发放情况。") == []


def test_lunci_ping_slogans_idioms_and_articles():
    assert [(i.unit, i.subject, i.qualifier) for i in extract_indicators("全体县领导3轮次以上率下督促整改隐患。")] == [
        ("轮次", "全体县领导", None)]
    assert [(i.unit, i.qualifier) for i in extract_indicators("办公面积约800平。")] == [("平", "approx")]
    assert extract_indicators("新建2平台。") == []
    assert extract_indicators("构建“六位一体”工作格局。") == []
    assert extract_indicators("他是一名退休老干部。") == []
    assert extract_indicators("安排一名专业律师。")[0].value == 1


def test_places_counted_before_shixian_are_scope_of_the_measure():
    inds = extract_indicators("全省118个县(市)实现生产总值11268.4亿元,增长6.5%。")
    assert [i.subject for i in inds] == ["县(市)", "生产总值", "生产总值"]
    assert extract_indicators("158个重点项目完成投资189.4亿元。")[1].subject == "重点项目完成投资"


def test_an_amount_after_gong_wancheng_names_its_measure_after_it():
    inds = extract_indicators("10家限上企业共完成1.3669亿元零售额。")
    assert [i.subject for i in inds] == ["限上企业", "零售额"]


def test_colloquial_ge_yi_is_a_magnitude_and_jin_jiu_cheng_a_share():
    inds = extract_indicators("项目总投资3个亿。")
    assert [(i.value, i.unit, i.unit_text) for i in inds] == [(Decimal("300000000"), "", "个亿")]
    # 个 counts projects of a size there
    assert [(i.value, i.unit) for i in extract_indicators("引进3个亿元以上项目。")] == [(3, "个")]
    assert [(i.value, i.unit, i.qualifier) for i in extract_indicators("近九成村民参加了医保。")] == [(90, "%", "approx")]
    assert [i.value for i in extract_indicators("成为全省第一。")] == [1]


def test_a_scope_after_a_ranking_verb_or_in_a_placing_list_is_no_subject():
    # the same measure placed in two peer groups (a scope list, not a list of measures)
    inds = extract_indicators("收案数居全市法院系统首位,结案率居黄冈法院系统第二、全省第五名。")
    assert [(i.subject, i.value) for i in inds] == [("结案率", 2), ("结案率", 5)]
    inds = extract_indicators("地区生产总值增长9.7%,增速居全国第七位、中部第一位。")
    assert [i.subject for i in inds][1:] == ["增速", "地区生产总值"]
    # 在全区中院 is the peer group: the rank is of the rate named in the clause before
    inds = extract_indicators("市中院审结5231件,结案率98.74%,在全区中院排名第一。")
    assert [i.subject for i in inds] == ["审结", "结案率", "结案率"]
    # a quoted list name before the first scope stays the subject; 在…上 is no peer group
    inds = extract_indicators("位列“2025镇域经济500强”全国第206名、全省第11名。")
    assert len(inds) == 2 and all("镇域经济500强" in i.subject for i in inds)
    inds = extract_indicators("全市招商引资成效明显,在项目数和投资额上均居全市第一。")
    assert len(inds) == 1 and inds[0].subject.startswith("项目数和投资额")


def test_food_sampling_notices_give_each_category_and_problem_its_share():
    # the market regulator's quarterly notice: items before 的 + a shared measure, a compound class
    inds = extract_indicators("其中,消费量大的乳制品、肉制品、食用农产品和食用油、油脂及其制品的抽检不合格率"
                              "分别为0.19%、1.39%、2.06%、3.13%。")
    assert [i.subject for i in inds] == ["乳制品", "肉制品", "食用农产品", "食用油、油脂及其制品"]
    # items as a comma run after a 来看 frame
    inds = extract_indicators("从食品抽样品种来看,消费量大的食用农产品,粮食加工品,肉制品,乳制品,"
                              "抽检不合格率分别为1.81%、1.24%、1.38%、0.16%。")
    assert [i.subject for i in inds] == ["食用农产品", "粮食加工品", "肉制品", "乳制品"]
    # named kinds of problem keep their verbs; 以A和B为主 names the items of 分别
    inds = extract_indicators("从不合格项目看,农兽药残留超标、超范围超限量使用食品添加剂问题,分别占不合格样品总量的"
                              "31.73%、17.08%;质量指标不达标问题,占不合格样品总量的7.27%。")
    assert [i.subject for i in inds] == ["农兽药残留超标", "超范围超限量使用食品添加剂问题", "质量指标不达标问题"]
    inds = extract_indicators("发现问题以农兽药残留问题和微生物污染问题为主,分别占不合格总数的28.29%、24.80%。")
    assert [i.subject for i in inds] == ["农兽药残留问题", "微生物污染问题"]
    # 解决…的饮水问题 is no named kind: the counted people stay the subject
    assert extract_indicators("解决城区3100多居民的饮水问题。")[0].subject.startswith("居民")


def test_levels_reached_now_counts_before_a_purpose_and_long_notes_on_a_share_base():
    inds = extract_indicators("全国森林面积由十年前的31.2亿亩增加到现在的34.65亿亩。")
    assert [i.subject for i in inds] == ["森林面积", "森林面积"]
    inds = extract_indicators("全县水土流失率从2015年的8.87%降至目前的7.52%。")
    assert [i.subject for i in inds] == ["水土流失率", "水土流失率"]
    # the noun before the count is counted; the verb after it says what the pumps were for
    s = extract_indicators("街道启用大功率抽水设备6台进行排水作业。")[0].subject
    assert s.endswith("大功率抽水设备")
    # …but people named by a scope before the count are described by the predicate (gold-dev 104)
    assert extract_indicators("全局27人持有行政执法证。")[0].subject != "全局"
    # a verbal noun after the classifier is what is counted (场演出), not a purpose
    inds = extract_indicators("全市剧场共上演了26台剧目55场演出,服务观众约5万人次。")
    assert [i.subject for i in inds][:2] == ["剧目", "演出"]
    inds = extract_indicators("全国水土流失面积267.42万平方千米,占国土面积(未含香港、澳门特别行政区和台湾省)的"
                              "27.96%,较2020年减少1.85万平方千米。")
    assert [i.subject for i in inds] == ["水土流失面积"] * 3


def test_recovery_to_a_base_period_is_no_part_of_the_subject():
    i = extract_indicators("全县接待游客恢复到去年同期的八成以上。")[0]
    assert (i.subject, i.value, i.unit, i.qualifier) == ("接待游客", 80, "%", "more_than")
    i = extract_indicators("乡村旅游总人数已恢复往年同期的九成多。")[0]
    assert (i.subject, i.value, i.qualifier) == ("乡村旅游总人数", 90, "more_than")


def test_a_publishing_channel_stays_its_owner_is_the_agent():
    # the owner before the channel is dropped as an agent; the channel tells website from newspaper figures
    assert extract_indicators("2022年,白云街政府网站公开政府信息84条。")[0].subject == "政府网站公开政府信息"
    assert extract_indicators("区政府门户网站主动公开政府信息1200条。")[0].subject == "门户网站主动公开政府信息"
    # 净增完成率 names the rate of a target: no change
    inds = extract_indicators("全县市场主体净增完成率为44.9%。")
    assert (inds[0].subject, inds[0].change) == ("市场主体净增完成率", None)
    # a rate of the channel stays the channel's
    assert extract_indicators("门户网站访问量达426.7万人次。")[0].subject.endswith("访问量")


def test_a_plenary_session_number_without_di_is_no_count():
    assert extract_indicators("深入学习贯彻十届区委十一次全会精神。") == []
    assert extract_indicators("区人大常委会召开会议12次。")[0].value == 12


def test_a_month_before_a_figure_of_a_monthly_series_is_its_period_not_its_subject():
    inds = extract_indicators("今年以来,投诉量逐月下降,5月852件,6月757件……9月是372件,到10月276件。")
    assert [i.subject for i in inds] == ["投诉量"] * 4


def test_a_pipe_row_whose_label_carries_a_long_definition_in_parentheses():
    text = ("规范性文件(行政机关制定发布的决定、公告、通告、意见、通知,以及标题采用“规定”“办法”等字样的公文) | 2 | 2 | 19\n")
    inds = extract_indicators(text)
    assert [(i.value, i.subject) for i in inds] == [(2, "规范性文件"), (2, "规范性文件"), (19, "规范性文件")]


def test_a_method_clause_opening_the_sentence_names_no_measure():
    inds = extract_indicators("经县统计局核算,全年地区生产总值稳步提升,达86.4亿元,增长5.5%。")
    assert [i.subject for i in inds] == ["地区生产总值", "地区生产总值"]


def test_batch_slogans_and_two_verbal_nouns_after_a_modifier():
    inds = extract_indicators("即约谈一批、曝光一批、挂牌一批、处罚一批,全年约谈2399个。")
    assert [i.value for i in inds] == [2399]
    assert [i.value for i in extract_indicators("全年发布两批典型案例。")] == [2]
    assert extract_indicators("共举办52场展览、20场公共教育活动。")[1].subject == "公共教育活动"


def test_two_counts_joined_by_he_each_count_the_noun_after_them():
    inds = extract_indicators("依法宣告517名公诉案件被告人和302名自诉案件被告人无罪。")
    assert [i.subject for i in inds] == ["公诉案件被告人", "自诉案件被告人"]
    # trade households stay whole after a count
    assert extract_indicators("对全县118户枸杞种植户进行检查。")[0].subject == "枸杞种植户"


def test_area_rates_law_articles_resultative_verbs_and_further_objects():
    # a part of the area gets the rate named before (gold-dev 125: a region before the value keeps the measure)
    inds = extract_indicators("城市生活垃圾无害化处理率达到98%,县城达到92.5%以上。")
    assert [i.subject for i in inds] == ["城市生活垃圾无害化处理率"] * 2
    assert extract_indicators("按照《政府信息公开条例》二十条及有关规定办理。") == []
    assert extract_indicators("全省争取到了贷款330亿元。")[0].subject == "贷款"
    assert extract_indicators("六棱砖铺设2.5万平方米及其它临时工程。")[0].subject == "六棱砖铺设"


def test_a_cutoff_date_and_a_spaced_abbreviation_stay_out_of_the_cut():
    inds = extract_indicators("截至2022年12月31日共发布信息89条,其中部门动态64条。")
    assert [i.subject for i in inds] == ["发布信息", "部门动态"]
    inds = extract_indicators("初步核算,2021年全区生产总值 (GDP)91.3亿元,比上年增长7.5%。")
    assert [i.subject for i in inds] == ["生产总值 (GDP)"] * 2


def test_indented_lines_deal_pairs_quarter_bases_and_approximate_multiples():
    inds = extract_indicators("\t新房住宅,成交535套/53555.03㎡,均价55284元/㎡,总金额29.60亿元。\n")
    assert [i.subject for i in inds] == ["成交", "成交", "均价", "总金额"]
    assert not any("table_cell" in i.notes for i in inds)
    inds = extract_indicators("一季度乡村旅游接待总人次9.84亿人次,比2019年一季度增长5.2%。")
    assert [i.subject for i in inds] == ["乡村旅游接待总人次"] * 2
    i = extract_indicators("重点村村均接待人次6.15万人次,约为全国平均水平的1.8倍。")[1]
    assert (i.unit, i.qualifier) == ("倍", "approx")


def test_a_change_on_the_basis_of_an_earlier_change_keeps_the_measure():
    inds = extract_indicators("全年存案在上年下降17.7%的基础上再次下降3.4%。")
    assert [(i.subject, i.change) for i in inds] == [("存案", "decrease")] * 2
    inds = extract_indicators("全县地区生产总值在去年增长8.2%的基础上,今年又增长7.5%。")
    assert [i.subject for i in inds] == ["地区生产总值"] * 2


def test_numbered_slogans_and_short_quoted_names_are_no_counts():
    assert extract_indicators('坚持以"一个中心、两条主线、三项重点、四大基础"为工作思路。') == []
    assert extract_indicators("瞄准贫困人口,对标“户5条”,整合资源。") == []
    assert [i.value for i in extract_indicators("全年新建两条主干道、三座桥梁。")] == [2, 3]


def test_a_year_glued_to_a_title_that_opens_with_renmin_or_renkou():
    assert extract_indicators("2022人民调解工作调研报告") == []
    assert extract_indicators("2021人口普查工作总结") == []
    assert extract_indicators("全村常住人口2021人。")[0].value == 2021


def test_a_headless_space_table_row_with_a_row_number_and_four_figures():
    text = "名次 省区市\n旅游总收入\n(亿元)\n1 江西 199.96 16.08% 3383.17 12.55%\n"
    inds = extract_indicators(text)
    assert [(i.value_text, i.subject) for i in inds] == [
        ("199.96", "江西"), ("16.08", "江西"), ("3383.17", "江西"), ("12.55", "江西")]
    assert [i.unit for i in extract_indicators("共出动7组次210人次。")] == ["组次", "人次"]
    # prose spaced out by a converter has no row number and four figures
    assert all(i.subject != "江西" for i in extract_indicators("江西 全年 接待游客 3383.17万人次。"))
