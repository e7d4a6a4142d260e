//! End-to-end tests of `subtok encode` and `subtok decode` on shards: the written bytes and
//! indexes are checked against `Tokenizer::encode`, document by document.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use subtok::Tokenizer;

const DEFAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/subtok-default.json");

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_subtok"))
}

fn workdir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("encode-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn documents() -> Vec<String> {
    let mut docs = vec![
        "The quick brown fox jumps over the lazy dog.".to_string(),
        String::new(),
        "Ünïcödé, 漢字 and emoji 👩‍👩‍👧 in one line".to_string(),
        "    indented\tcode(x) { return x * 2; }".to_string(),
        "<|endoftext|> special token in the text".to_string(),
    ];
    for i in 0..300 {
        docs.push(format!(
            "Document number {i} talks about item {} and costs ${}.{:02}",
            i * 7 % 13,
            i,
            i % 100
        ));
    }
    docs
}

fn write_jsonl(path: &Path, docs: &[String]) {
    let mut f = std::fs::File::create(path).unwrap();
    for d in docs {
        writeln!(f, "{}", serde_json::json!({ "text": d, "meta": 1 })).unwrap();
    }
}

/// An independent reader of the Megatron indexed dataset, written from the format's
/// description: returns the documents of `stem.bin`/`stem.idx` and the dtype code.
fn read_megatron(stem: &Path) -> (Vec<Vec<u32>>, u8) {
    let idx = std::fs::read(stem.with_extension("idx")).unwrap();
    let bin = std::fs::read(stem.with_extension("bin")).unwrap();
    assert_eq!(&idx[0..9], b"MMIDIDX\x00\x00");
    let u64_at = |o: usize| u64::from_le_bytes(idx[o..o + 8].try_into().unwrap());
    assert_eq!(u64_at(9), 1, "version");
    let code = idx[17];
    let n = u64_at(18) as usize;
    let n_doc_idx = u64_at(26) as usize;
    assert_eq!(n_doc_idx, n + 1);
    let mut p = 34;
    let lens: Vec<usize> = (0..n)
        .map(|i| i32::from_le_bytes(idx[p + 4 * i..p + 4 * i + 4].try_into().unwrap()) as usize)
        .collect();
    p += 4 * n;
    let ptrs: Vec<usize> = (0..n)
        .map(|i| i64::from_le_bytes(idx[p + 8 * i..p + 8 * i + 8].try_into().unwrap()) as usize)
        .collect();
    p += 8 * n;
    let doc_idx: Vec<i64> = (0..=n)
        .map(|i| i64::from_le_bytes(idx[p + 8 * i..p + 8 * i + 8].try_into().unwrap()))
        .collect();
    assert_eq!(doc_idx, (0..=n as i64).collect::<Vec<_>>());
    assert_eq!(p + 8 * (n + 1), idx.len(), "index has no trailing bytes");
    let width = match code {
        8 => 2,
        4 => 4,
        c => panic!("dtype code {c}"),
    };
    let docs = (0..n)
        .map(|i| {
            let bytes = &bin[ptrs[i]..ptrs[i] + lens[i] * width];
            bytes
                .chunks_exact(width)
                .map(|c| {
                    if width == 2 {
                        u16::from_le_bytes([c[0], c[1]]) as u32
                    } else {
                        u32::from_le_bytes([c[0], c[1], c[2], c[3]])
                    }
                })
                .collect()
        })
        .collect();
    (docs, code)
}

fn read_flat(stem: &Path, width: usize) -> Vec<Vec<u32>> {
    let idx = std::fs::read(stem.with_extension("idx")).unwrap();
    let bin = std::fs::read(stem.with_extension("bin")).unwrap();
    let offs: Vec<usize> = idx
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()) as usize)
        .collect();
    let ids: Vec<u32> = bin
        .chunks_exact(width)
        .map(|c| {
            if width == 2 {
                u16::from_le_bytes([c[0], c[1]]) as u32
            } else {
                u32::from_le_bytes([c[0], c[1], c[2], c[3]])
            }
        })
        .collect();
    assert_eq!(*offs.last().unwrap(), ids.len());
    offs.windows(2).map(|w| ids[w[0]..w[1]].to_vec()).collect()
}

fn read_npy(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[0..6], b"\x93NUMPY");
    let hl = u16::from_le_bytes([b[8], b[9]]) as usize;
    (b[10..10 + hl].to_vec(), b[10 + hl..].to_vec())
}

fn expected(tok: &Tokenizer, docs: &[String], bos: Option<u32>, eos: Option<u32>) -> Vec<Vec<u32>> {
    docs.iter()
        .map(|d| {
            let mut ids: Vec<u32> = bos.into_iter().collect();
            ids.extend_from_slice(tok.encode(d.as_str(), false).unwrap().get_ids());
            ids.extend(eos);
            ids
        })
        .collect()
}

#[test]
fn megatron_and_flat_and_npy_match_encode() {
    let tok = Tokenizer::from_file(DEFAULT).unwrap();
    let docs = documents();
    let dir = workdir("formats");
    let input = dir.join("corpus.jsonl");
    write_jsonl(&input, &docs);
    let eos = tok.token_to_id("<|endoftext|>").unwrap();

    for (dtype, width, code) in [("u16", 2usize, 8u8), ("u32", 4, 4)] {
        for threads in ["1", "2"] {
            for (bos_eos, b, e) in [(false, None, None), (true, Some(eos), Some(eos))] {
                let out = dir.join(format!("m-{dtype}-{threads}-{bos_eos}"));
                let mut cmd = bin();
                cmd.args([
                    "encode",
                    "--tokenizer",
                    DEFAULT,
                    "--quiet",
                    "--dtype",
                    dtype,
                ])
                .args(["--threads", threads])
                .arg(&input)
                .arg("--output")
                .arg(&out);
                if bos_eos {
                    cmd.args([
                        "--prepend-bos",
                        "<|endoftext|>",
                        "--append-eos",
                        &eos.to_string(),
                    ]);
                }
                let st = cmd.status().unwrap();
                assert!(st.success());
                let (got, got_code) = read_megatron(&out);
                assert_eq!(got_code, code);
                assert_eq!(
                    got,
                    expected(&tok, &docs, b, e),
                    "{dtype} threads={threads}"
                );

                let flat = dir.join(format!("f-{dtype}-{threads}-{bos_eos}"));
                let mut cmd = bin();
                cmd.args([
                    "encode",
                    "--tokenizer",
                    DEFAULT,
                    "--quiet",
                    "--format",
                    "flat",
                ])
                .args(["--dtype", dtype, "--threads", threads])
                .arg(&input)
                .arg("--output")
                .arg(&flat);
                if bos_eos {
                    cmd.args([
                        "--prepend-bos",
                        &eos.to_string(),
                        "--append-eos",
                        "<|endoftext|>",
                    ]);
                }
                assert!(cmd.status().unwrap().success());
                assert_eq!(read_flat(&flat, width), expected(&tok, &docs, b, e));
            }
        }
        let npy = dir.join(format!("n-{dtype}"));
        let st = bin()
            .args([
                "encode",
                "--tokenizer",
                DEFAULT,
                "--quiet",
                "--format",
                "npy",
                "--dtype",
                dtype,
            ])
            .arg(&input)
            .arg("--output")
            .arg(&npy)
            .status()
            .unwrap();
        assert!(st.success());
        let (header, data) = read_npy(&npy.with_extension("npy"));
        let header = String::from_utf8(header).unwrap();
        let all: Vec<u32> = expected(&tok, &docs, None, None).concat();
        assert!(
            header.contains(if width == 2 { "'<u2'" } else { "'<u4'" }),
            "{header}"
        );
        assert!(
            header.contains(&format!("'shape': ({},)", all.len())),
            "{header}"
        );
        let ids: Vec<u32> = data
            .chunks_exact(width)
            .map(|c| {
                if width == 2 {
                    u16::from_le_bytes([c[0], c[1]]) as u32
                } else {
                    u32::from_le_bytes([c[0], c[1], c[2], c[3]])
                }
            })
            .collect();
        assert_eq!(ids, all);
    }
}

#[test]
fn text_gz_and_shards() {
    use flate2::write::GzEncoder;
    let tok = Tokenizer::from_file(DEFAULT).unwrap();
    let docs: Vec<String> = documents()
        .into_iter()
        .filter(|d| !d.contains('\n'))
        .collect();
    let dir = workdir("shards");
    let gz = dir.join("corpus.txt.gz");
    let mut enc = GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    for d in &docs {
        writeln!(enc, "{d}").unwrap();
    }
    enc.finish().unwrap();
    let want = expected(&tok, &docs, None, None);
    let total: usize = want.iter().map(Vec::len).sum();

    for shard_size in [50usize, 1000, 100_000] {
        for threads in ["1", "2"] {
            let out = dir.join(format!("s{shard_size}-{threads}"));
            let st = bin()
                .args([
                    "encode",
                    "--tokenizer",
                    DEFAULT,
                    "--quiet",
                    "--threads",
                    threads,
                ])
                .args(["--shard-size", &shard_size.to_string()])
                .arg(&gz)
                .arg("--output")
                .arg(&out)
                .status()
                .unwrap();
            assert!(st.success());
            let mut got = Vec::new();
            let mut shard = 0;
            loop {
                let stem = PathBuf::from(format!("{}-{shard:05}", out.display()));
                if !stem.with_extension("idx").exists() {
                    break;
                }
                let (docs, _) = read_megatron(&stem);
                let tokens: usize = docs.iter().map(Vec::len).sum();
                let is_last =
                    !PathBuf::from(format!("{}-{:05}.idx", out.display(), shard + 1)).exists();
                if !is_last {
                    assert!(tokens >= shard_size, "only the last shard may be short");
                }
                got.extend(docs);
                shard += 1;
            }
            assert!(shard >= 1);
            if total > shard_size {
                assert!(shard > 1, "{total} tokens with shards of {shard_size}");
            }
            assert_eq!(got, want, "shard size {shard_size}, threads {threads}");
        }
    }
}

#[test]
fn decode_reads_shards_back() {
    let dir = workdir("decode");
    let input = dir.join("c.txt");
    std::fs::write(&input, "hello world\nsecond document here\n").unwrap();
    let out = dir.join("out");
    assert!(bin()
        .args(["encode", "--quiet"])
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .status()
        .unwrap()
        .success());
    let o = bin()
        .arg("decode")
        .arg(out.with_extension("bin"))
        .args(["--doc", "1"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "second document here\n"
    );
}

#[test]
fn bad_lines_are_reported_and_skipped_on_request() {
    let dir = workdir("bad");
    let input = dir.join("bad.jsonl");
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"{\"text\": \"good one\"}\n");
    bytes.extend_from_slice(b"{\"text\": \"bad \xff utf8\"}\n");
    bytes.extend_from_slice(b"{not json}\n");
    bytes.extend_from_slice(b"{\"other\": 1}\n");
    bytes.extend_from_slice(b"{\"text\": 5}\n");
    bytes.extend_from_slice(b"{\"text\": \"good two\"}\n");
    std::fs::write(&input, &bytes).unwrap();

    let out = dir.join("strict");
    let o = bin()
        .args(["encode", "--quiet"])
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: invalid UTF-8"), "{err}");
    assert!(
        !out.with_extension("bin").exists(),
        "no output under the final name"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files removed");

    let out = dir.join("lenient");
    let o = bin()
        .args(["encode", "--skip-bad"])
        .arg(&input)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl:2: invalid UTF-8"), "{err}");
    assert!(err.contains("bad.jsonl:3: invalid JSON"), "{err}");
    assert!(err.contains("bad.jsonl:4: missing field `text`"), "{err}");
    assert!(
        err.contains("bad.jsonl:5: field `text` is not a string"),
        "{err}"
    );
    assert!(err.contains("4 bad lines skipped"), "{err}");
    let (docs, _) = read_megatron(&out);
    let tok = Tokenizer::from_file(DEFAULT).unwrap();
    assert_eq!(
        docs,
        expected(
            &tok,
            &["good one".to_string(), "good two".to_string()],
            None,
            None
        )
    );
}

/// `fixtures/parquet/sample.parquet` holds the first 40 documents of
/// `fixtures/sample-corpus.jsonl` in its `text` column, with a null row after the 20th,
/// in row groups of 16.
#[cfg(feature = "parquet")]
#[test]
fn parquet_input() {
    let tok = Tokenizer::from_file(DEFAULT).unwrap();
    let corpus = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/sample-corpus.jsonl"
    ))
    .unwrap();
    let docs: Vec<String> = corpus
        .lines()
        .take(40)
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let input = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/parquet/sample.parquet"
    );
    let dir = workdir("parquet");

    let strict = bin()
        .args(["encode", "--quiet", input, "--output"])
        .arg(dir.join("strict"))
        .output()
        .unwrap();
    assert!(!strict.status.success());
    assert!(
        String::from_utf8_lossy(&strict.stderr).contains("sample.parquet:21: field `text` is null")
    );

    let out = dir.join("ok");
    let o = bin()
        .args(["encode", "--quiet", "--skip-bad", input, "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (got, _) = read_megatron(&out);
    assert_eq!(got, expected(&tok, &docs, None, None));
}
