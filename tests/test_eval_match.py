"""Section 4.1-4.2: greedy pairing by fuzz.ratio, threshold 90, level2 breaks ties."""

from rapidfuzz import fuzz

from jixiao.eval.match import pair_names


def _pairs(pairs):
    return [(p.gold, p.pred) for p in pairs]


def test_threshold_is_inclusive_at_90():
    gold = "abcdefghij"  # 10 characters; one substitution gives ratio 90 exactly
    at_90 = "abcdefghiX"
    below = "abcdefghXY"
    assert fuzz.ratio(gold, at_90) == 90.0
    assert fuzz.ratio(gold, below) < 90.0
    assert _pairs(pair_names([gold], [at_90])) == [(0, 0)]
    assert pair_names([gold], [below]) == []


def test_names_compared_after_normalization():
    assert _pairs(pair_names(["项目 A\n名称"], ["项目A名称"])) == [(0, 0)]


def test_greedy_takes_best_ratio_first_each_used_once():
    gold = ["城乡居民养老保险补助资金", "城乡居民养老保险补助"]
    pred = ["城乡居民养老保险补助", "城乡居民养老保险补助资金"]
    assert _pairs(pair_names(gold, pred)) == [(0, 1), (1, 0)]
    # one prediction, two close golds: only the best gets it
    pairs = pair_names(gold, ["城乡居民养老保险补助资金"])
    assert _pairs(pairs) == [(0, 0)]
    assert pairs[0].ratio == 100.0


def test_tie_goes_to_same_level2():
    gold = ["满意度", "满意度"]
    gold_l2 = ["社会公众满意度指标", "服务对象满意度指标"]
    pred = ["满意度"]
    # equal ratio against both; the one with the predicted level2 wins, not the first
    pairs = pair_names(gold, pred, gold_level2=gold_l2, pred_level2=["服务对象满意度指标"])
    assert _pairs(pairs) == [(1, 0)]
    # without a level2 agreement document order decides
    assert _pairs(pair_names(gold, pred, gold_level2=gold_l2, pred_level2=[None])) == [(0, 0)]


def test_level2_only_breaks_ties_never_beats_a_better_ratio():
    gold = ["abcdefghij", "abcdefghiX"]  # ratios 100 and 90 against the prediction
    pairs = pair_names(gold, ["abcdefghij"], gold_level2=["数量指标", "质量指标"], pred_level2=["质量指标"])
    assert _pairs(pairs) == [(0, 0)]


def test_empty_names_never_pair():
    assert pair_names([""], [""]) == []
    assert pair_names([], ["a"]) == []
