"""Normalisation through an offset map: folded text for matching, offsets back to the original."""
from hypothesis import given, settings, strategies as st

from pipeline.normalize import map_span, normalize_with_map, to_simplified


def test_fullwidth_and_traditional():
    text = "增長３２．６２％，收入１７０，０２４萬元"
    norm, offs = normalize_with_map(text)
    assert norm == "增长32.62%,收入170,024万元"
    assert len(offs) == len(norm) + 1 and offs[-1] == len(text)
    i = norm.index("170")
    a, b = map_span(offs, i, i + len("170,024万"))
    assert text[a:b] == "１７０，０２４萬"


def test_expansions_map_back_whole():
    text = "面积120㎡,比例16.5︰26.2"
    norm, offs = normalize_with_map(text)
    assert "120m2" in norm and "16.5:26.2" in norm
    i = norm.index("m2")
    assert text[slice(*map_span(offs, i - 3, i + 2))] == "120㎡"


def test_list_markers_kept():
    norm, _ = normalize_with_map("①提高效率")
    assert norm.startswith("①")


def test_ruby_pinyin_dropped_but_surface_kept():
    text = "地方公共財政預(yù)算收入完成"
    norm, offs = normalize_with_map(text)
    assert norm == "地方公共财政预算收入完成"
    i = norm.index("预算收入")
    assert text[slice(*map_span(offs, i, i + 4))] == "預(yù)算收入"


def test_to_simplified_same_length():
    assert to_simplified("億元萬人次兩個") == "亿元万人次两个"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_offsets_monotonic_and_grounded(text):
    norm, offs = normalize_with_map(text)
    assert len(offs) == len(norm) + 1 and offs[-1] == len(text)
    assert all(offs[i] <= offs[i + 1] for i in range(len(offs) - 1))
    for i in range(len(norm)):
        a, b = map_span(offs, i, i + 1)
        assert 0 <= a < b <= len(text)


def test_traditional_characters_beyond_the_hand_written_table_fold():
    # 強 揮 納 買 臺 羣 are only in the OpenCC-derived table (lexicons/trad2simp_opencc.tsv)
    from pipeline.normalize import to_simplified
    assert to_simplified("加強指揮,繳納稅款,購買臺式機,羣眾") == "加强指挥,缴纳税款,购买台式机,群众"
    from pipeline.extract import extract_indicators
    simp = [(i.subject, i.value_text) for i in extract_indicators("全县加强指挥调度,共采取措施12项。")]
    trad_text = "全縣加強指揮調度,共採取措施12項。"
    trad = [(i.subject, i.value_text) for i in extract_indicators(trad_text)]
    assert len(trad) == len(simp) == 1 and trad[0][1] == "12"
    assert to_simplified(trad[0][0]) == simp[0][0]


def test_spaces_around_numbers_in_prose_are_dropped_through_the_map():
    from pipeline.normalize import normalize_with_map, map_span
    text = "全年共调解 235 起,成功率 98.5 %。\n序号 地区 数量\n1 北京 120"
    norm, offsets = normalize_with_map(text)
    assert norm.startswith("全年共调解235起,成功率98.5%。")
    assert "1 北京 120" in norm                      # a line without prose punctuation keeps its cells
    k = norm.index("235")
    a, b = map_span(offsets, k, k + 4)
    assert text[a:b] == "235 起"


def test_words_split_by_a_hard_wrap_are_joined_through_the_offset_map():
    text = "全年全县国内生产总值完成120亿元,比上年增\n长14.5%,其中第一产业增加值20亿元。\n二、农业\n增长情况"
    norm, offsets = normalize_with_map(text)
    assert "比上年增长14.5%" in norm
    assert "二、农业\n增长情况" in norm            # a short heading line stays apart
    k = norm.index("长14.5")
    assert text[offsets[k]] == "长"


def test_a_fixed_width_page_joins_its_wrapped_lines_but_not_titles_or_sentences():
    from pipeline.normalize import normalize_with_map
    line1 = "现在,我代表区人民政府向大会报告工作,请予审议,并请政协委员和其他列席会"
    line2 = "全区地区生产总值完成523.3亿元,同比增长6.1%;全区限额以上规模以上固定资"
    line3 = "产投资完成额增长11.5%;一般公共预算收入完成36.8亿元,增长5.2%,其中"
    line4 = "税收收入30.2亿元,占财政收入的比重达82%,比上年提高3个百分点,全年累计"
    text = "\n".join(["政府工作报告", line1, "议的同志提出意见。", line2, line3, line4, "新增就业1.2万人。"]) + "\n"
    norm, offsets = normalize_with_map(text)
    assert "固定资产投资完成额" in norm and "其中税收收入" in norm
    assert "政府工作报告\n" in norm and "意见。\n" in norm
    titles = "\n".join(["县教育局2024年工作总结及2025年工作思路_第%d页" % k for k in range(1, 6)]) + "\n已阅读5页\n"
    assert normalize_with_map(titles)[0] == titles


def test_a_pdf_page_whose_line_widths_vary_with_digits_joins_its_wraps():
    from pipeline.normalize import normalize_with_map
    from pipeline.extract import extract_indicators
    # a report saved from a PDF: about 24 characters a line, ASCII digits and spaces move the line ends
    lines = ["2024 年是实施“十四五”规划的关键一年,这一年来,全镇",
             "上下团结一心,真抓实干,完成了镇人民代表大会确定的各",
             "项目标任务。预计 2024 年全镇上下共实现工农业总值",
             "28.6 亿元,增长 6%,其中农业总产值 15.1 亿元,增长 4.5%,",
             "工业总产值 13.5 亿元,增长 8%;完成财政总收入 1120.5 万",
             "元;固定资产投资 0.85 亿元;全年实现农民人均可支配收",
             "入21050 元,增长 8%,全年新增就业岗位三百余个,城镇",
             "登记失业率控制在合理区间,各项社会事业协调发展。"]
    text = "\n".join(lines) + "\n"
    norm, offsets = normalize_with_map(text)
    assert "工农业总值28.6" in norm.replace(" ", "") and "可支配收入21050" in norm
    subj = {i.value_text: i.subject for i in extract_indicators(text)}
    # the stored subject is the source text, line break included (offsets into the document)
    assert subj["28.6 亿"] == "工农业总值" and subj["21050"] == "农民人均可支配收\n入"


def test_a_damaged_pinyin_gloss_is_dropped_like_a_whole_one():
    from pipeline.extract import extract_indicators
    # a mirror lost a character and the gloss's "(" to one "?": the subject still spans the whole name
    text = "全市旅游接待總?cè)藬?shù)達到120萬人次。"
    (ind,) = extract_indicators(text)
    assert ind.subject == "旅游接待總?cè)藬?shù)" and text[ind.subject_start:ind.subject_end] == ind.subject


def test_corner_brackets_fold_to_quotes_one_to_one():
    from pipeline.normalize import normalize_with_map
    text = "組織「林長進校園」宣講活動15場"
    norm, offsets = normalize_with_map(text)
    assert norm == "组织“林长进校园”宣讲活动15场" and len(offsets) == len(text) + 1


def test_a_decimal_point_typed_as_a_full_stop_is_read_as_one():
    from pipeline.extract import extract_indicators
    text = "全县森林覆盖率达51。2%,比上年提高0。3个百分点。全年增长5。2024年计划新建学校3所。"
    got = [(i.value_text, float(i.value)) for i in extract_indicators(text)]
    assert ("51。2", 51.2) in got and ("0。3", 0.3) in got
    # a full stop before a year or a list number still ends the sentence
    assert ("3", 3.0) in got and not any(v.startswith("5。") for v, _ in got)
