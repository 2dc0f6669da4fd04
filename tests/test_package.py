def test_import():
    import jixiao.eval  # noqa: F401
    import jixiao.models  # noqa: F401
    import jixiao.pipelines  # noqa: F401
    import jixiao.service  # noqa: F401


def test_all_spells_out_the_public_names():
    import jixiao

    assert set(jixiao.__all__) == {"__version__", *jixiao._PUBLIC}
