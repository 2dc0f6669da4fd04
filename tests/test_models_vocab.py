import pytest

from jixiao.models.vocab import CharVocab


def test_one_id_per_character_whitespace_kept(tmp_path):
    vocab = CharVocab.build(["项目名称\t老字号\n得分 10"], min_count=1)
    text = "项目名称\t老字号\n得分 10 鑫"
    ids = vocab.encode(text)
    assert len(ids) == len(text)
    assert ids[4] == vocab.index["[TAB]"] and ids[8] == vocab.index["[NL]"]
    assert ids[-1] == vocab.unk_id  # unseen character
    assert vocab.id("１") == vocab.id("1")  # full-width digits read as ASCII
    pytest.importorskip("transformers")  # save writes Hugging Face tokenizer files (the train extra)
    vocab.save(tmp_path)
    again = CharVocab.load(tmp_path)
    assert again.encode(text) == ids
    assert (tmp_path / "tokenizer_config.json").exists()
