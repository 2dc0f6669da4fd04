"""The model card states where the combined path falls below a single path, from the ablation numbers."""

from jixiao.models.card import render_card


def test_the_card_names_the_variants_where_combined_is_below_a_single_path():
    ablation = {"none": {"parser": 0.9, "tagger": 0.4, "combined": 0.9},
                "collapsed": {"parser": 0.8, "tagger": 0.4, "combined": 0.79}}
    card = render_card({}, ablation=ablation)
    assert "below the best single path on: collapsed (0.790 vs 0.800)." in card
    assert "none (" not in card
    assert "below the best" not in render_card({}, ablation={"none": ablation["none"]})
