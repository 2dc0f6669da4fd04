"""The OCR engine's call in two halves: find the text boxes, then, only if the page is to be read as it lies, read them.

``ocr_upright`` decides whether a page lies turned from the shapes of its text boxes and the angle classifier on a
few of them, which needs the engine's detector alone. Read in one call, a turned page was recognised twice (the
recogniser is most of a page's OCR time: 1.6 of 2.7 s on the example's scan, "Where an OCR page's time goes"):
once as it lay, to find it turned, and once upright. ``detect`` runs the engine's own steps up to its boxes
(resizing, letterbox, the detector, its box order) and keeps them; ``Detection.read`` runs the rest of the call
(crops, recogniser, character boxes, the score filter) on those boxes, so an upright page reads exactly what the
one call gives, and a turned one skips the recognition of the page as it lay.

The steps are rapidocr-onnxruntime's ``RapidOCR.__call__`` (1.4), taken apart; an engine without them (another
version) gives no Detection and the caller makes the one call as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.pipelines.ocr_layout import OcrBox, OcrOptions, boxes_from, ocr_engine

# the engine's own steps that ``detect`` and ``Detection.read`` call, in its order
_STEPS = ("load_img", "preprocess", "maybe_add_letterbox", "auto_text_det", "get_crop_img_list", "text_rec",
          "cal_rec_boxes", "_get_origin_points", "get_final_res")
# what ``run_ocr``'s keyword arguments set on the engine (rapidocr's defaults for them): the same call either way
_BOX_THRESH, _UNCLIP_RATIO, _TEXT_SCORE = 0.5, 1.6, 0.5


@dataclass
class Detection:
    """One page's text boxes found and not yet read."""

    engine: object
    image: object  # the page as the detector saw it (resized, letterboxed)
    found: list  # the boxes' corner points in ``image``
    record: dict  # the resizing and padding, to map points back to the page
    size: tuple[int, int]  # the page's height and width in pixels

    @property
    def boxes(self) -> list[OcrBox]:
        """The boxes on the page, without text: their shapes and places (``ocr_upright.page_turn``)."""
        if not self.found:
            return []
        points = self.engine._get_origin_points(self.found, self.record, *self.size)
        return [OcrBox("", float(p[:, 0].min()), float(p[:, 1].min()), float(p[:, 0].max()), float(p[:, 1].max()))
                for p in points]

    def read(self) -> list[OcrBox]:
        """The boxes read: what the engine's one call (``run_ocr``) gives for the page."""
        if not self.found:
            return []
        engine = self.engine
        crops = engine.get_crop_img_list(self.image, self.found)
        texts, _ = engine.text_rec(crops, True)  # True: each character's box (return_word_box)
        texts = engine.cal_rec_boxes(crops, self.found, texts)
        for text in texts:
            if text[2]:
                text[2] = engine._get_origin_points(text[2], self.record, *self.size).astype("int32").tolist()
        points = engine._get_origin_points(self.found, self.record, *self.size)
        result, _ = engine.get_final_res(points, None, texts, 0.0, 0.0, 0.0)
        return boxes_from(result)


def detect(data: bytes, options: OcrOptions = OcrOptions()) -> Detection | None:
    """The page's text boxes found, not read; None where the engine lacks the steps (the caller reads the page in
    one call)."""
    engine = ocr_engine(options)
    if not all(hasattr(engine, step) for step in _STEPS) or not hasattr(engine, "text_det"):
        return None
    engine.text_det.postprocess_op.box_thresh = _BOX_THRESH
    engine.text_det.postprocess_op.unclip_ratio = _UNCLIP_RATIO
    engine.text_score = _TEXT_SCORE
    image = engine.load_img(data)
    size = image.shape[:2]
    image, ratio_h, ratio_w = engine.preprocess(image)
    record = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
    image, record = engine.maybe_add_letterbox(image, record)
    found, _ = engine.auto_text_det(image)
    return Detection(engine, image, found or [], record, size)
