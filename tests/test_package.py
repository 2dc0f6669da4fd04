def test_import():
    import jixiao.pipelines, jixiao.service, jixiao.models, jixiao.eval  # noqa: F401
