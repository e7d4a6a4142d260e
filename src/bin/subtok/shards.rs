//! Token shard formats: writing (for `encode`) and reading back (for `decode`).
//!
//! - `megatron`: `OUT.bin` holds the ids of every document back to back; `OUT.idx` is the
//!   indexed-dataset index read by Megatron-LM, NeMo and GPT-NeoX: the 9 bytes
//!   `MMIDIDX\0\0`, u64 version 1, u8 dtype code (8 = uint16, 4 = int32), u64 sequence
//!   count, u64 document-index count, i32 length of each sequence, i64 byte offset of each
//!   sequence in `.bin`, i64 document indices `0..=n`. All little-endian; one sequence per
//!   document.
//! - `flat`: `OUT.bin` holds the ids back to back (what nanoGPT-style loaders memory-map);
//!   `OUT.idx` holds `n + 1` u64 token offsets: where each document starts, then the total.
//! - `npy`: `OUT.npy` is a one-dimensional NumPy array of the ids; `OUT.offsets.npy` holds
//!   the `n + 1` u64 document start offsets as in `flat`.
//!
//! With a shard size, outputs are `OUT-00000.bin`, `OUT-00001.bin`, ...; each is a complete
//! dataset and no document is split across shards.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Output layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Megatron,
    Flat,
    Npy,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "megatron" => Ok(Format::Megatron),
            "flat" => Ok(Format::Flat),
            "npy" => Ok(Format::Npy),
            _ => Err(format!(
                "unknown format `{s}`, expected megatron, flat or npy"
            )),
        }
    }
}

/// Width of the stored ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dtype {
    U16,
    U32,
}

impl std::str::FromStr for Dtype {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "u16" | "uint16" => Ok(Dtype::U16),
            "u32" | "uint32" | "i32" | "int32" => Ok(Dtype::U32),
            _ => Err(format!("unknown dtype `{s}`, expected u16 or u32")),
        }
    }
}

impl Dtype {
    fn width(self) -> u64 {
        match self {
            Dtype::U16 => 2,
            Dtype::U32 => 4,
        }
    }
}

/// The shard being written.
struct Open {
    data: BufWriter<File>,
    data_tmp: PathBuf,
    data_final: PathBuf,
    index_final: PathBuf,
    lengths: Vec<u32>,
    tokens: u64,
}

/// Writes documents into one or more shards.
pub struct ShardWriter {
    base: PathBuf,
    format: Format,
    dtype: Dtype,
    shard_size: Option<u64>,
    shard: usize,
    open: Option<Open>,
    done: Vec<PathBuf>,
    buf: Vec<u8>,
}

fn tmp_name(p: &Path) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(format!(".tmp-{}", std::process::id()));
    PathBuf::from(s)
}

fn with_suffix(base: &Path, suffix: &str) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

const NPY_HEADER_LEN: usize = 128;

fn npy_header(descr: &str, len: u64) -> Vec<u8> {
    let dict = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': ({len},), }}");
    let mut h = Vec::with_capacity(NPY_HEADER_LEN);
    h.extend_from_slice(b"\x93NUMPY\x01\x00");
    let body_len = NPY_HEADER_LEN - 10;
    h.extend_from_slice(&(body_len as u16).to_le_bytes());
    h.extend_from_slice(dict.as_bytes());
    while h.len() < NPY_HEADER_LEN - 1 {
        h.push(b' ');
    }
    h.push(b'\n');
    h
}

impl ShardWriter {
    /// A writer for outputs named after `base`.
    pub fn new(base: &Path, format: Format, dtype: Dtype, shard_size: Option<u64>) -> Self {
        ShardWriter {
            base: base.to_path_buf(),
            format,
            dtype,
            shard_size,
            shard: 0,
            open: None,
            done: Vec::new(),
            buf: Vec::new(),
        }
    }

    fn stem(&self) -> PathBuf {
        if self.shard_size.is_some() {
            with_suffix(&self.base, &format!("-{:05}", self.shard))
        } else {
            self.base.clone()
        }
    }

    fn open_shard(&mut self) -> std::io::Result<()> {
        let stem = self.stem();
        let (data_final, index_final) = match self.format {
            Format::Megatron | Format::Flat => {
                (with_suffix(&stem, ".bin"), with_suffix(&stem, ".idx"))
            }
            Format::Npy => (
                with_suffix(&stem, ".npy"),
                with_suffix(&stem, ".offsets.npy"),
            ),
        };
        if let Some(parent) = data_final.parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
        let data_tmp = tmp_name(&data_final);
        let mut data = BufWriter::with_capacity(1 << 20, File::create(&data_tmp)?);
        if self.format == Format::Npy {
            data.write_all(&npy_header(self.descr(), 0))?;
        }
        self.open = Some(Open {
            data,
            data_tmp,
            data_final,
            index_final,
            lengths: Vec::new(),
            tokens: 0,
        });
        Ok(())
    }

    fn descr(&self) -> &'static str {
        match self.dtype {
            Dtype::U16 => "<u2",
            Dtype::U32 => "<u4",
        }
    }

    /// Appends one document.
    pub fn write_doc(&mut self, ids: &[u32]) -> std::io::Result<()> {
        if self.open.is_none() {
            self.open_shard()?;
        }
        self.buf.clear();
        match self.dtype {
            Dtype::U16 => {
                for &id in ids {
                    let v = u16::try_from(id).map_err(|_| {
                        std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!("id {id} does not fit in u16 (use --dtype u32)"),
                        )
                    })?;
                    self.buf.extend_from_slice(&v.to_le_bytes());
                }
            }
            Dtype::U32 => {
                for &id in ids {
                    self.buf.extend_from_slice(&id.to_le_bytes());
                }
            }
        }
        let len = u32::try_from(ids.len()).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, "document too long")
        })?;
        let full = {
            let Some(open) = self.open.as_mut() else {
                return Err(std::io::Error::other("no open shard"));
            };
            open.data.write_all(&self.buf)?;
            open.lengths.push(len);
            open.tokens += ids.len() as u64;
            self.shard_size.is_some_and(|n| open.tokens >= n)
        };
        if full {
            self.close_shard()?;
            self.shard += 1;
        }
        Ok(())
    }

    fn close_shard(&mut self) -> std::io::Result<()> {
        let Some(mut open) = self.open.take() else {
            return Ok(());
        };
        let n = open.lengths.len() as u64;
        let mut index = Vec::new();
        match self.format {
            Format::Megatron => {
                index.extend_from_slice(b"MMIDIDX\x00\x00");
                index.extend_from_slice(&1u64.to_le_bytes());
                index.push(match self.dtype {
                    Dtype::U16 => 8,
                    Dtype::U32 => 4,
                });
                index.extend_from_slice(&n.to_le_bytes());
                index.extend_from_slice(&(n + 1).to_le_bytes());
                for &l in &open.lengths {
                    index.extend_from_slice(&(l as i32).to_le_bytes());
                }
                let mut pos = 0i64;
                for &l in &open.lengths {
                    index.extend_from_slice(&pos.to_le_bytes());
                    pos += l as i64 * self.dtype.width() as i64;
                }
                for i in 0..=n {
                    index.extend_from_slice(&(i as i64).to_le_bytes());
                }
            }
            Format::Flat => {
                let mut pos = 0u64;
                index.extend_from_slice(&pos.to_le_bytes());
                for &l in &open.lengths {
                    pos += l as u64;
                    index.extend_from_slice(&pos.to_le_bytes());
                }
            }
            Format::Npy => {
                index.extend_from_slice(&npy_header("<u8", n + 1));
                let mut pos = 0u64;
                index.extend_from_slice(&pos.to_le_bytes());
                for &l in &open.lengths {
                    pos += l as u64;
                    index.extend_from_slice(&pos.to_le_bytes());
                }
                open.data.seek(SeekFrom::Start(0))?;
                let header = npy_header(self.descr(), open.tokens);
                open.data.write_all(&header)?;
            }
        }
        open.data.flush()?;
        drop(open.data);
        let index_tmp = tmp_name(&open.index_final);
        std::fs::write(&index_tmp, &index)?;
        std::fs::rename(&open.data_tmp, &open.data_final)?;
        std::fs::rename(&index_tmp, &open.index_final)?;
        self.done.push(open.data_final);
        self.done.push(open.index_final);
        Ok(())
    }

    /// Completes the last shard and returns every file written.
    pub fn finish(mut self) -> std::io::Result<Vec<PathBuf>> {
        if self.open.is_none() && self.done.is_empty() {
            // An empty corpus still yields a valid, empty dataset.
            self.open_shard()?;
        }
        self.close_shard()?;
        Ok(std::mem::take(&mut self.done))
    }

    /// Removes the temporary file of the shard in progress.
    pub fn abort(mut self) {
        if let Some(open) = self.open.take() {
            drop(open.data);
            let _ = std::fs::remove_file(&open.data_tmp);
        }
    }
}

/// Reads the documents of a shard written by [`ShardWriter`] (any format).
pub fn read_documents(data_path: &Path) -> Result<Vec<Vec<u32>>, String> {
    let name = data_path.display().to_string();
    let read = |p: &Path| -> Result<Vec<u8>, String> {
        let mut v = Vec::new();
        File::open(p)
            .and_then(|mut f| f.read_to_end(&mut v))
            .map_err(|e| format!("{}: {e}", p.display()))?;
        Ok(v)
    };
    let le_u64 = |b: &[u8], at: usize| -> Result<u64, String> {
        b.get(at..at + 8)
            .and_then(|s| s.try_into().ok())
            .map(u64::from_le_bytes)
            .ok_or_else(|| format!("truncated index at byte {at}"))
    };
    let decode_ids = |bytes: &[u8], width: usize| -> Vec<u32> {
        if width == 2 {
            bytes
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]) as u32)
                .collect()
        } else {
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        }
    };
    if name.ends_with(".npy") {
        let stem = name.strip_suffix(".npy").unwrap_or(&name);
        let data = read(data_path)?;
        let offsets = read(Path::new(&format!("{stem}.offsets.npy")))?;
        let header_len = |b: &[u8]| -> Result<(usize, String), String> {
            let hl = b
                .get(8..10)
                .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
                .ok_or("truncated npy header")?;
            let dict = b.get(10..10 + hl).ok_or("truncated npy header")?;
            Ok((10 + hl, String::from_utf8_lossy(dict).into_owned()))
        };
        let (start, dict) = header_len(&data)?;
        let width = if dict.contains("<u2") { 2 } else { 4 };
        let ids = decode_ids(data.get(start..).unwrap_or_default(), width);
        let (ostart, _) = header_len(&offsets)?;
        let offs: Vec<u64> = offsets
            .get(ostart..)
            .unwrap_or_default()
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect();
        return split_by_offsets(&ids, &offs);
    }
    let stem = name.strip_suffix(".bin").unwrap_or(&name);
    let index = read(Path::new(&format!("{stem}.idx")))?;
    let data = read(data_path)?;
    if index.starts_with(b"MMIDIDX\x00\x00") {
        let code = *index.get(17).ok_or("truncated index")?;
        let width = match code {
            8 => 2,
            4 => 4,
            _ => return Err(format!("unsupported dtype code {code}")),
        };
        let n = le_u64(&index, 18)? as usize;
        let lengths_at = 34;
        let pointers_at = lengths_at + 4 * n;
        let mut docs = Vec::with_capacity(n);
        for i in 0..n {
            let l = index
                .get(lengths_at + 4 * i..lengths_at + 4 * i + 4)
                .map(|s| i32::from_le_bytes([s[0], s[1], s[2], s[3]]))
                .ok_or("truncated index")? as usize;
            let p = le_u64(&index, pointers_at + 8 * i)? as usize;
            let bytes = data
                .get(p..p + l * width)
                .ok_or_else(|| format!("document {i} lies outside {name}"))?;
            docs.push(decode_ids(bytes, width));
        }
        return Ok(docs);
    }
    // Flat: the id width follows from the file sizes.
    let offs: Vec<u64> = index
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    let total = offs.last().copied().unwrap_or(0) as usize;
    let width = if total > 0 && data.len() == total * 2 {
        2
    } else {
        4
    };
    let ids = decode_ids(&data, width);
    split_by_offsets(&ids, &offs)
}

fn split_by_offsets(ids: &[u32], offs: &[u64]) -> Result<Vec<Vec<u32>>, String> {
    offs.windows(2)
        .map(|w| {
            ids.get(w[0] as usize..w[1] as usize)
                .map(<[u32]>::to_vec)
                .ok_or_else(|| "index points outside the data".to_string())
        })
        .collect()
}
