"""The numpy MiniLM forward pass against sentence-transformers' published output for this model."""

from __future__ import annotations

import numpy as np

from claims.search import embed


def test_it_reproduces_the_reference_similarities_of_all_minilm_l6_v2():
    # sentence-transformers' README, model "all-MiniLM-L6-v2": model.similarity(embeddings, embeddings)
    # prints tensor([[1.0000, 0.6660, 0.1046], [0.6660, 1.0000, 0.1411], [0.1046, 0.1411, 1.0000]]).
    vectors = embed.encode(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    assert vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    expected = np.array([[1.0, 0.6660, 0.1046], [0.6660, 1.0, 0.1411], [0.1046, 0.1411, 1.0]])
    np.testing.assert_allclose(vectors @ vectors.T, expected, atol=6e-5)


def test_it_gives_the_same_vector_alone_or_in_a_padded_batch():
    alone = embed.encode(["Kazakhstan sent 40 tons of aid to Ukraine"])[0]
    batch = embed.encode(["x", "Kazakhstan sent 40 tons of aid to Ukraine", "a much longer sentence " * 10])[1]
    np.testing.assert_allclose(alone, batch, atol=1e-5)


def test_float16_storage_keeps_cosines():
    vectors = embed.encode(["Vaccines contain microchips", "Covid vaccines include tracking chips"])
    stored = [embed.from_bytes(embed.to_bytes(v)) for v in vectors]
    assert len(embed.to_bytes(vectors[0])) == 768
    assert abs(float(stored[0] @ stored[1]) - float(vectors[0] @ vectors[1])) < 1e-3


def test_the_forward_pass_stays_in_float32():
    # A float64 constant in the activation turned the feed-forward product into float64 (slower).
    x = np.linspace(-4, 4, 9, dtype=np.float32)
    out = embed.MiniLM._gelu(x)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [-0.0001, -0.0040, -0.0455, -0.1587, 0.0, 0.8413, 1.9545, 2.9960, 3.9999], atol=1e-4)
