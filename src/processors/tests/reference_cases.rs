//! Expected results of the reference library (`tokenizers` 0.23.3, Python `encode_batch` on a
//! WordLevel tokenizer with a WhitespaceSplit pre-tokenizer) for combinations of processors,
//! truncation and padding settings. Regenerate with the script described in `mod.rs`.

use super::Case;

/// Post-processor configurations by name.
pub(super) fn processor(name: &str) -> Option<&'static str> {
    match name {
        "none" => None,
        "tpl" => Some(
            r#"{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}], "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}], "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [1], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [2], "tokens": ["[SEP]"]}}}"#,
        ),
        "multi" => Some(
            r#"{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "<eos>", "type_id": 2}}], "pair": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "<sep>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "<eos>", "type_id": 2}}], "special_tokens": {"<bos>": {"id": "<bos>", "ids": [1, 3], "tokens": ["[CLS]", "[PAD]"]}, "<sep>": {"id": "<sep>", "ids": [2], "tokens": ["[SEP]"]}, "<eos>": {"id": "<eos>", "ids": [2, 2, 1], "tokens": ["[SEP]", "[SEP]", "[CLS]"]}}}"#,
        ),
        "dropb" => Some(
            r#"{"type": "TemplateProcessing", "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}], "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}], "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [1], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [2], "tokens": ["[SEP]"]}}}"#,
        ),
        "bert" => Some(r#"{"type": "BertProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1]}"#),
        "roberta" => Some(
            r#"{"type": "RobertaProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1], "trim_offsets": true, "add_prefix_space": false}"#,
        ),
        "bytelevel" => Some(
            r#"{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true}"#,
        ),
        "seq_bl_tpl" => Some(
            r#"{"type": "Sequence", "processors": [{"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true}, {"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "<eos>", "type_id": 2}}], "pair": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "<sep>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "<eos>", "type_id": 2}}], "special_tokens": {"<bos>": {"id": "<bos>", "ids": [1, 3], "tokens": ["[CLS]", "[PAD]"]}, "<sep>": {"id": "<sep>", "ids": [2], "tokens": ["[SEP]"]}, "<eos>": {"id": "<eos>", "ids": [2, 2, 1], "tokens": ["[SEP]", "[SEP]", "[CLS]"]}}}]}"#,
        ),
        "seq_tpl_bl" => Some(
            r#"{"type": "Sequence", "processors": [{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}], "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}], "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [1], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [2], "tokens": ["[SEP]"]}}}, {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": false}]}"#,
        ),
        "seq_bert_bert" => Some(
            r#"{"type": "Sequence", "processors": [{"type": "BertProcessing", "sep": ["[SEP]", 2], "cls": ["[CLS]", 1]}, {"type": "BertProcessing", "sep": ["[PAD]", 3], "cls": ["[UNK]", 0]}]}"#,
        ),
        _ => None,
    }
}

/// Truncation configurations by name.
pub(super) fn truncation(name: &str) -> Option<&'static str> {
    match name {
        "none" => None,
        "lf10s3" => Some(
            r#"{"direction": "Right", "max_length": 10, "strategy": "LongestFirst", "stride": 3}"#,
        ),
        "os14l" => Some(
            r#"{"direction": "Left", "max_length": 14, "strategy": "OnlySecond", "stride": 0}"#,
        ),
        "lf3" => Some(
            r#"{"direction": "Right", "max_length": 3, "strategy": "LongestFirst", "stride": 0}"#,
        ),
        "of6s2" => {
            Some(r#"{"direction": "Right", "max_length": 6, "strategy": "OnlyFirst", "stride": 2}"#)
        }
        "lf512" => Some(
            r#"{"direction": "Right", "max_length": 512, "strategy": "LongestFirst", "stride": 0}"#,
        ),
        "lf7s2l" => Some(
            r#"{"direction": "Left", "max_length": 7, "strategy": "LongestFirst", "stride": 2}"#,
        ),
        "lf4s1" => Some(
            r#"{"direction": "Right", "max_length": 4, "strategy": "LongestFirst", "stride": 1}"#,
        ),
        "of5l1" => {
            Some(r#"{"direction": "Left", "max_length": 5, "strategy": "OnlyFirst", "stride": 1}"#)
        }
        "lf2" => Some(
            r#"{"direction": "Right", "max_length": 2, "strategy": "LongestFirst", "stride": 0}"#,
        ),
        "lf0" => Some(
            r#"{"direction": "Right", "max_length": 0, "strategy": "LongestFirst", "stride": 0}"#,
        ),
        "os6" => Some(
            r#"{"direction": "Right", "max_length": 6, "strategy": "OnlySecond", "stride": 1}"#,
        ),
        "lf5s4" => Some(
            r#"{"direction": "Right", "max_length": 5, "strategy": "LongestFirst", "stride": 4}"#,
        ),
        _ => None,
    }
}

/// Padding configurations by name.
pub(super) fn padding(name: &str) -> Option<&'static str> {
    match name {
        "none" => None,
        "bl" => Some(
            r#"{"strategy": "BatchLongest", "direction": "Right", "pad_to_multiple_of": null, "pad_id": 3, "pad_type_id": 0, "pad_token": "[PAD]"}"#,
        ),
        "fix20l8" => Some(
            r#"{"strategy": {"Fixed": 20}, "direction": "Left", "pad_to_multiple_of": 8, "pad_id": 0, "pad_type_id": 0, "pad_token": "[PAD]"}"#,
        ),
        "bl4" => Some(
            r#"{"strategy": "BatchLongest", "direction": "Right", "pad_to_multiple_of": 4, "pad_id": 3, "pad_type_id": 0, "pad_token": "[PAD]"}"#,
        ),
        "fix3" => Some(
            r#"{"strategy": {"Fixed": 3}, "direction": "Right", "pad_to_multiple_of": null, "pad_id": 3, "pad_type_id": 5, "pad_token": "[PAD]"}"#,
        ),
        "bl0" => Some(
            r#"{"strategy": "BatchLongest", "direction": "Left", "pad_to_multiple_of": 0, "pad_id": 3, "pad_type_id": 1, "pad_token": "[PAD]"}"#,
        ),
        _ => None,
    }
}

/// The cases.
pub(super) const CASES: &[Case] = &[
    Case {
        processor: "none",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h,[PAD],[PAD] off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,0,0 w=0,1,2,3,4,5,6,7,-,- seq=0,0,0,0,0,0,0,0,0,0
---
ids=4,5,6,7,8,12,13,14,15,16 type=0,0,0,0,0,1,1,1,1,1 tok=a,b,c,d,e,i,j,k,l,m off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3,4 seq=0,0,0,0,0,1,1,1,1,1
  ids=6,7,8,9,10,12,13,14,15,16 type=0,0,0,0,0,1,1,1,1,1 tok=c,d,e,f,g,i,j,k,l,m off=4:5,6:7,8:9,10:11,12:13,0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1,1 w=2,3,4,5,6,0,1,2,3,4 seq=0,0,0,0,0,0,0,0,0,0
  ids=6,7,8,9,10,14,15,16,17,3 type=0,0,0,0,0,1,1,1,1,0 tok=c,d,e,f,g,k,l,m,n,[PAD] off=4:5,6:7,8:9,10:11,12:13,4:5,6:7,8:9,10:11,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=2,3,4,5,6,2,3,4,5,- seq=0,0,0,0,0,0,0,0,0,0
  ids=8,9,10,11,12,13,14,15,16,3 type=0,0,0,0,1,1,1,1,1,0 tok=e,f,g,h,i,j,k,l,m,[PAD] off=8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=4,5,6,7,0,1,2,3,4,- seq=0,0,0,0,0,0,0,0,0,0
  ids=8,9,10,11,14,15,16,17,3,3 type=0,0,0,0,1,1,1,1,0,0 tok=e,f,g,h,k,l,m,n,[PAD],[PAD] off=8:9,10:11,12:13,14:15,4:5,6:7,8:9,10:11,0:0,0:0 sp=0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,0,0 w=4,5,6,7,2,3,4,5,-,- seq=0,0,0,0,0,0,0,0,0,0
  ids=4,5,6,7,8,14,15,16,17,3 type=0,0,0,0,0,1,1,1,1,0 tok=a,b,c,d,e,k,l,m,n,[PAD] off=0:1,2:3,4:5,6:7,8:9,4:5,6:7,8:9,10:11,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=0,1,2,3,4,2,3,4,5,- seq=0,0,0,0,0,-,-,-,-,-
---
ids=6,7,8,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1,1,1 att=1,1,1,0,0,0,0,0,0,0 w=0,1,2,-,-,-,-,-,-,- seq=0,0,0,0,0,0,0,0,0,0
---
ids=4,0,5,0,3,3,3,3,3,3 type=0,0,0,1,0,0,0,0,0,0 tok=a,[UNK],b,[UNK],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:4,5:6,0:1,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,0,0,0,0,0,0 w=0,1,2,0,-,-,-,-,-,- seq=0,0,0,1,-,-,-,-,-,-"#,
    },
    Case {
        processor: "none",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,4,5,6,7,8,9,10,11,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,c,d,e,f,g,h,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,12,13,14,15,16,17,4,5 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],i,j,k,l,m,n,a,b off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:1,2:3 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,0,1 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,5,0 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,[UNK],b,[UNK] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:1 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,0 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,1"#,
    },
    Case {
        processor: "none",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,4,5,6,7,8,9,10,11,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,c,d,e,f,g,h,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,1,1,1,1,1,1"#,
    },
    Case {
        processor: "none",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11 type=0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7 seq=0,0,0,0,0,0,0,0
---
ids=6,7,8,3,3,3,3,3 type=0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1 att=1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,- seq=0,0,0,0,0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,12 type=0,0,1 tok=a,b,i off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7,12 type=0,0,1 tok=c,d,i off=4:5,6:7,0:1 sp=0,0,0 att=1,1,1 w=2,3,0 seq=0,0,0
  ids=6,7,13 type=0,0,1 tok=c,d,j off=4:5,6:7,2:3 sp=0,0,0 att=1,1,1 w=2,3,1 seq=0,0,0
  ids=6,7,14 type=0,0,1 tok=c,d,k off=4:5,6:7,4:5 sp=0,0,0 att=1,1,1 w=2,3,2 seq=0,0,0
  ids=6,7,15 type=0,0,1 tok=c,d,l off=4:5,6:7,6:7 sp=0,0,0 att=1,1,1 w=2,3,3 seq=0,0,0
  ids=6,7,16 type=0,0,1 tok=c,d,m off=4:5,6:7,8:9 sp=0,0,0 att=1,1,1 w=2,3,4 seq=0,0,0
  ids=6,7,17 type=0,0,1 tok=c,d,n off=4:5,6:7,10:11 sp=0,0,0 att=1,1,1 w=2,3,5 seq=0,0,0
  ids=8,9,12 type=0,0,1 tok=e,f,i off=8:9,10:11,0:1 sp=0,0,0 att=1,1,1 w=4,5,0 seq=0,0,0
  ids=8,9,13 type=0,0,1 tok=e,f,j off=8:9,10:11,2:3 sp=0,0,0 att=1,1,1 w=4,5,1 seq=0,0,0
  ids=8,9,14 type=0,0,1 tok=e,f,k off=8:9,10:11,4:5 sp=0,0,0 att=1,1,1 w=4,5,2 seq=0,0,0
  ids=8,9,15 type=0,0,1 tok=e,f,l off=8:9,10:11,6:7 sp=0,0,0 att=1,1,1 w=4,5,3 seq=0,0,0
  ids=8,9,16 type=0,0,1 tok=e,f,m off=8:9,10:11,8:9 sp=0,0,0 att=1,1,1 w=4,5,4 seq=0,0,0
  ids=8,9,17 type=0,0,1 tok=e,f,n off=8:9,10:11,10:11 sp=0,0,0 att=1,1,1 w=4,5,5 seq=0,0,0
  ids=10,11,12 type=0,0,1 tok=g,h,i off=12:13,14:15,0:1 sp=0,0,0 att=1,1,1 w=6,7,0 seq=0,0,0
  ids=10,11,13 type=0,0,1 tok=g,h,j off=12:13,14:15,2:3 sp=0,0,0 att=1,1,1 w=6,7,1 seq=0,0,0
  ids=10,11,14 type=0,0,1 tok=g,h,k off=12:13,14:15,4:5 sp=0,0,0 att=1,1,1 w=6,7,2 seq=0,0,0
  ids=10,11,15 type=0,0,1 tok=g,h,l off=12:13,14:15,6:7 sp=0,0,0 att=1,1,1 w=6,7,3 seq=0,0,0
  ids=10,11,16 type=0,0,1 tok=g,h,m off=12:13,14:15,8:9 sp=0,0,0 att=1,1,1 w=6,7,4 seq=0,0,0
  ids=10,11,17 type=0,0,1 tok=g,h,n off=12:13,14:15,10:11 sp=0,0,0 att=1,1,1 w=6,7,5 seq=0,0,0
  ids=4,5,13 type=0,0,1 tok=a,b,j off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,-
  ids=4,5,14 type=0,0,1 tok=a,b,k off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,-
  ids=4,5,15 type=0,0,1 tok=a,b,l off=0:1,2:3,6:7 sp=0,0,0 att=1,1,1 w=0,1,3 seq=0,0,-
  ids=4,5,16 type=0,0,1 tok=a,b,m off=0:1,2:3,8:9 sp=0,0,0 att=1,1,1 w=0,1,4 seq=0,0,-
  ids=4,5,17 type=0,0,1 tok=a,b,n off=0:1,2:3,10:11 sp=0,0,0 att=1,1,1 w=0,1,5 seq=0,0,-
---
ids=4,12,13 type=0,1,1 tok=a,i,j off=0:1,0:1,2:3 sp=0,0,0 att=1,1,1 w=0,0,1 seq=0,1,1
  ids=5,12,13 type=0,1,1 tok=b,i,j off=2:3,0:1,2:3 sp=0,0,0 att=1,1,1 w=1,0,1 seq=0,0,0
  ids=5,14,15 type=0,1,1 tok=b,k,l off=2:3,4:5,6:7 sp=0,0,0 att=1,1,1 w=1,2,3 seq=0,0,0
  ids=5,16,17 type=0,1,1 tok=b,m,n off=2:3,8:9,10:11 sp=0,0,0 att=1,1,1 w=1,4,5 seq=0,0,0
  ids=4,14,15 type=0,1,1 tok=a,k,l off=0:1,4:5,6:7 sp=0,0,0 att=1,1,1 w=0,2,3 seq=0,-,-
  ids=4,16,17 type=0,1,1 tok=a,m,n off=0:1,8:9,10:11 sp=0,0,0 att=1,1,1 w=0,4,5 seq=0,-,-
---
ids=4,0,0 type=0,0,1 tok=a,[UNK],[UNK] off=0:1,2:4,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=5,0 type=0,1 tok=b,[UNK] off=5:6,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0"#,
    },
    Case {
        processor: "none",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "none",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "none",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11 type=0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7 seq=0,0,0,0,0,0,0,0
---
ids=6,7,8,3,3,3,3,3 type=0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1 att=1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,- seq=0,0,0,0,0,0,0,0"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,-,0,1,2,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,-,1,1,1,1,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,12,13,14,15,16,17,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],i,j,k,l,m,n,[SEP],a,b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,-,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,0,5,2,0,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,-,0,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,-,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD],[PAD] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,0,0 w=-,0,1,2,3,4,5,6,7,-,-,- seq=-,0,0,0,0,0,0,0,0,-,-,-
---
ids=1,6,7,8,2,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,5,6,7,8,9,10,11,2,2 type=0,0,0,0,0,0,0,0,0,0,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,- seq=-,0,0,0,0,0,0,0,0,-,-
  ids=1,4,5,6,7,8,9,10,11,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,0,1,2,3,4,5,- seq=-,0,0,0,0,0,0,0,0,-,1,1,1,1,1,1,-
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=-,-,1,1,1,1,1,1,-
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,5,2,2 type=0,0,0,0,1 tok=[CLS],a,b,[SEP],[SEP] off=0:0,0:1,2:3,0:0,0:0 sp=1,0,0,1,1 att=1,1,1,1,1 w=-,0,1,-,- seq=-,0,0,-,-
  ids=1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,-,0,1,2,3,4,5,- seq=-,0,0,-,1,1,1,1,1,1,-
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=-,-,1,1,1,1,1,1,-
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,0,5,2,2 type=0,0,0,0,0,1 tok=[CLS],a,[UNK],b,[SEP],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:0 sp=1,0,0,0,1,1 att=1,1,1,1,1,1 w=-,0,1,2,-,- seq=-,0,0,0,-,-
  ids=1,4,0,5,2,0,2 type=0,0,0,0,0,1,1 tok=[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,0,0,0,1,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,-,0,- seq=-,0,0,0,-,1,-
  ids=1,2,0,2 type=0,0,1,1 tok=[CLS],[SEP],[UNK],[SEP] off=0:0,0:0,0:1,0:0 sp=1,1,0,1 att=1,1,1,1 w=-,-,0,- seq=-,-,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "tpl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,- seq=-,0,0,0,0,0,0,0,0,-
---
ids=1,6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "multi",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "multi",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "multi",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,2,1,3,3,3 type=0,0,0,0,0,0,0,0,0,0,2,2,2,0,0,0 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 w=-,-,0,1,2,3,4,5,6,7,-,-,-,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,-,-,-,-,-
---
ids=1,3,6,7,8,2,2,1,3,3,3,3,3,3,3,3 type=0,0,0,0,0,2,2,2,0,0,0,0,0,0,0,0 tok=[CLS],[PAD],c,d,e,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,1,1,1,1,1,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,-,-,-,-,- seq=-,-,0,0,0,-,-,-,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,12,13,14,15,16,17,2,2,1 type=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],i,j,k,l,m,n,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,0,1,2,3,4,5,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,1,1,1,1,1,1,-,-,-
---
ids=1,3,4,5,2,12,13,14,15,16,17,2,2,1 type=0,0,0,0,1,1,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,[SEP],i,j,k,l,m,n,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0,0:0 sp=1,1,0,0,1,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,-,0,1,2,3,4,5,-,-,- seq=-,-,0,0,-,1,1,1,1,1,1,-,-,-
---
ids=1,3,4,0,5,2,0,2,2,1 type=0,0,0,0,0,1,1,2,2,2 tok=[CLS],[PAD],a,[UNK],b,[SEP],[UNK],[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:4,5:6,0:0,0:1,0:0,0:0,0:0 sp=1,1,0,0,0,1,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,-,0,-,-,- seq=-,-,0,0,0,-,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "multi",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "multi",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,2,1 type=0,0,0,0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,-,-
---
ids=1,3,6,7,8,2,2,1,3,3,3,3,3 type=0,0,0,0,0,2,2,2,0,0,0,0,0 tok=[CLS],[PAD],c,d,e,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,-,- seq=-,-,0,0,0,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h,[SEP] off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7,- seq=0,0,0,0,0,0,0,0,-
---
ids=1,4,5,6,7,2,3,3,3 type=0,1,1,1,1,1,0,0,0 tok=[CLS],a,b,c,d,[SEP],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,0,0,0 w=-,0,1,2,3,-,-,-,- seq=-,0,0,0,0,-,-,-,-
  ids=1,5,6,7,8,2,3,3,3 type=0,0,0,0,0,1,0,0,0 tok=[CLS],b,c,d,e,[SEP],[PAD],[PAD],[PAD] off=0:0,2:3,4:5,6:7,8:9,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,0,0,0 w=-,1,2,3,4,-,-,-,- seq=-,0,0,0,0,-,-,-,-
  ids=1,6,7,8,9,2,3,3,3 type=0,0,0,0,0,1,0,0,0 tok=[CLS],c,d,e,f,[SEP],[PAD],[PAD],[PAD] off=0:0,4:5,6:7,8:9,10:11,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,0,0,0 w=-,2,3,4,5,-,-,-,- seq=-,0,0,0,0,-,-,-,-
  ids=1,7,8,9,10,2,3,3,3 type=0,0,0,0,0,1,0,0,0 tok=[CLS],d,e,f,g,[SEP],[PAD],[PAD],[PAD] off=0:0,6:7,8:9,10:11,12:13,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,0,0,0 w=-,3,4,5,6,-,-,-,- seq=-,0,0,0,0,-,-,-,-
  ids=1,8,9,10,11,2,3,3,3 type=0,0,0,0,0,1,0,0,0 tok=[CLS],e,f,g,h,[SEP],[PAD],[PAD],[PAD] off=0:0,8:9,10:11,12:13,14:15,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,0,0,0 w=-,4,5,6,7,-,-,-,- seq=-,0,0,0,0,-,-,-,-
---
ids=6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0 tok=c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1,1 att=1,1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,-,- seq=0,0,0,-,-,-,-,-,-
---
ids=1,4,0,5,2,3,3,3,3 type=0,1,1,1,1,0,0,0,0 tok=[CLS],a,[UNK],b,[SEP],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:4,5:6,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0 w=-,0,1,2,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,0,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,[UNK],b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11,2,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h,[SEP],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0,0:0 sp=0,0,0,0,0,0,0,0,1,1,1,1 att=1,1,1,1,1,1,1,1,1,0,0,0 w=0,1,2,3,4,5,6,7,-,-,-,- seq=0,0,0,0,0,0,0,0,-,-,-,-
---
ids=6,7,8,2,3,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1,1,1,1,1 att=1,1,1,1,0,0,0,0,0,0,0,0 w=0,1,2,-,-,-,-,-,-,-,-,- seq=0,0,0,-,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,2 type=0,1,1 tok=[CLS],a,[SEP] off=0:0,0:1,0:0 sp=1,0,1 att=1,1,1 w=-,0,- seq=-,0,-
  ids=1,5,2 type=0,0,1 tok=[CLS],b,[SEP] off=0:0,2:3,0:0 sp=1,0,1 att=1,1,1 w=-,1,- seq=-,0,-
  ids=1,6,2 type=0,0,1 tok=[CLS],c,[SEP] off=0:0,4:5,0:0 sp=1,0,1 att=1,1,1 w=-,2,- seq=-,0,-
  ids=1,7,2 type=0,0,1 tok=[CLS],d,[SEP] off=0:0,6:7,0:0 sp=1,0,1 att=1,1,1 w=-,3,- seq=-,0,-
  ids=1,8,2 type=0,0,1 tok=[CLS],e,[SEP] off=0:0,8:9,0:0 sp=1,0,1 att=1,1,1 w=-,4,- seq=-,0,-
  ids=1,9,2 type=0,0,1 tok=[CLS],f,[SEP] off=0:0,10:11,0:0 sp=1,0,1 att=1,1,1 w=-,5,- seq=-,0,-
  ids=1,10,2 type=0,0,1 tok=[CLS],g,[SEP] off=0:0,12:13,0:0 sp=1,0,1 att=1,1,1 w=-,6,- seq=-,0,-
  ids=1,11,2 type=0,0,1 tok=[CLS],h,[SEP] off=0:0,14:15,0:0 sp=1,0,1 att=1,1,1 w=-,7,- seq=-,0,-
---
ids=1,2 type=0,1 tok=[CLS],[SEP] off=0:0,0:0 sp=1,1 att=1,1 w=-,- seq=-,-
  ids=1,4,5,2 type=0,0,0,1 tok=[CLS],a,b,[SEP] off=0:0,0:1,2:3,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,0,1,- seq=-,0,0,-
---
ids=1,4,2 type=0,1,1 tok=[CLS],a,[SEP] off=0:0,0:1,0:0 sp=1,0,1 att=1,1,1 w=-,0,- seq=-,0,-
  ids=1,0,2 type=0,0,1 tok=[CLS],[UNK],[SEP] off=0:0,2:4,0:0 sp=1,0,1 att=1,1,1 w=-,1,- seq=-,0,-
  ids=1,5,2 type=0,0,1 tok=[CLS],b,[SEP] off=0:0,5:6,0:0 sp=1,0,1 att=1,1,1 w=-,2,- seq=-,0,-"#,
    },
    Case {
        processor: "dropb",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "dropb",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "dropb",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h,[SEP] off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7,- seq=0,0,0,0,0,0,0,0,-
---
ids=6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0 tok=c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1,1 att=1,1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,-,- seq=0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "bert",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "bert",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,-,0,1,2,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,-,1,1,1,1,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,12,13,14,15,16,17,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],i,j,k,l,m,n,[SEP],a,b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,-,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,0,5,2,0,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,-,0,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,-,1,-"#,
    },
    Case {
        processor: "bert",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,1,1,1,-"#,
    },
    Case {
        processor: "bert",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD],[PAD] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,0,0 w=-,0,1,2,3,4,5,6,7,-,-,- seq=-,0,0,0,0,0,0,0,0,-,-,-
---
ids=1,6,7,8,2,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "bert",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,5,6,7,8,9,10,11,2,2 type=0,0,0,0,0,0,0,0,0,0,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,- seq=-,0,0,0,0,0,0,0,0,-,-
  ids=1,4,5,6,7,8,9,10,11,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,0,1,2,3,4,5,- seq=-,0,0,0,0,0,0,0,0,-,1,1,1,1,1,1,-
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=-,-,1,1,1,1,1,1,-
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,5,2,2 type=0,0,0,0,1 tok=[CLS],a,b,[SEP],[SEP] off=0:0,0:1,2:3,0:0,0:0 sp=1,0,0,1,1 att=1,1,1,1,1 w=-,0,1,-,- seq=-,0,0,-,-
  ids=1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,-,0,1,2,3,4,5,- seq=-,0,0,-,1,1,1,1,1,1,-
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=-,-,1,1,1,1,1,1,-
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,0,5,2,2 type=0,0,0,0,0,1 tok=[CLS],a,[UNK],b,[SEP],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:0 sp=1,0,0,0,1,1 att=1,1,1,1,1,1 w=-,0,1,2,-,- seq=-,0,0,0,-,-
  ids=1,4,0,5,2,0,2 type=0,0,0,0,0,1,1 tok=[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,0,0,0,1,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,-,0,- seq=-,0,0,0,-,1,-
  ids=1,2,0,2 type=0,0,1,1 tok=[CLS],[SEP],[UNK],[SEP] off=0:0,0:0,0:1,0:0 sp=1,1,0,1 att=1,1,1,1 w=-,-,0,- seq=-,-,1,-"#,
    },
    Case {
        processor: "bert",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "bert",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "bert",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,- seq=-,0,0,0,0,0,0,0,0,-
---
ids=1,6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,14,15,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],k,l,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,4:5,6:7,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,2,3,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,12,13,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],i,j,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,2,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,[SEP],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,1,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,-,-,0,1,2,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,-,-,1,1,1,1,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,1,12,13,14,15,16,17,2,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],i,j,k,l,m,n,[SEP],[SEP],a,b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,-,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,-,-,1,1,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,0,5,2,2,0,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,[UNK],b,[SEP],[SEP],[UNK],[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:0,0:0,0:1,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,1,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,-,-,0,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,-,-,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,14,15,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],k,l,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,4:5,6:7,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,2,3,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,2,12,13,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],i,j,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,-,-,1,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD],[PAD] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,0,0 w=-,0,1,2,3,4,5,6,7,-,-,- seq=-,0,0,0,0,0,0,0,0,-,-,-
---
ids=1,6,7,8,2,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,-,0,1,2,3,4,5,- seq=-,0,0,0,0,0,0,0,0,-,-,1,1,1,1,1,1,-
---
ids=1,4,5,2,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,[SEP],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,-,-,0,1,2,3,4,5,- seq=-,0,0,-,-,1,1,1,1,1,1,-
---
ids=1,4,0,5,2,2,0,2 type=0,0,0,0,0,0,0,0 tok=[CLS],a,[UNK],b,[SEP],[SEP],[UNK],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:0,0:1,0:0 sp=1,0,0,0,1,1,0,1 att=1,1,1,1,1,1,1,1 w=-,0,1,2,-,-,0,- seq=-,0,0,0,-,-,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "roberta",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,- seq=-,0,0,0,0,0,0,0,0,-
---
ids=1,6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,- seq=-,0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h,[PAD],[PAD] off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,0,0 w=0,1,2,3,4,5,6,7,-,- seq=0,0,0,0,0,0,0,0,-,-
---
ids=4,5,6,7,8,12,13,14,15,16 type=0,0,0,0,0,1,1,1,1,1 tok=a,b,c,d,e,i,j,k,l,m off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3,4 seq=0,0,0,0,0,1,1,1,1,1
  ids=6,7,8,9,10,12,13,14,15,16 type=0,0,0,0,0,1,1,1,1,1 tok=c,d,e,f,g,i,j,k,l,m off=4:5,6:7,8:9,10:11,12:13,0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1,1 w=2,3,4,5,6,0,1,2,3,4 seq=0,0,0,0,0,1,1,1,1,1
  ids=6,7,8,9,10,14,15,16,17,3 type=0,0,0,0,0,1,1,1,1,0 tok=c,d,e,f,g,k,l,m,n,[PAD] off=4:5,6:7,8:9,10:11,12:13,4:5,6:7,8:9,10:11,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=2,3,4,5,6,2,3,4,5,- seq=0,0,0,0,0,1,1,1,1,-
  ids=8,9,10,11,12,13,14,15,16,3 type=0,0,0,0,1,1,1,1,1,0 tok=e,f,g,h,i,j,k,l,m,[PAD] off=8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=4,5,6,7,0,1,2,3,4,- seq=0,0,0,0,1,1,1,1,1,-
  ids=8,9,10,11,14,15,16,17,3,3 type=0,0,0,0,1,1,1,1,0,0 tok=e,f,g,h,k,l,m,n,[PAD],[PAD] off=8:9,10:11,12:13,14:15,4:5,6:7,8:9,10:11,0:0,0:0 sp=0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,0,0 w=4,5,6,7,2,3,4,5,-,- seq=0,0,0,0,1,1,1,1,-,-
  ids=4,5,6,7,8,14,15,16,17,3 type=0,0,0,0,0,1,1,1,1,0 tok=a,b,c,d,e,k,l,m,n,[PAD] off=0:1,2:3,4:5,6:7,8:9,4:5,6:7,8:9,10:11,0:0 sp=0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,0 w=0,1,2,3,4,2,3,4,5,- seq=0,0,0,0,0,1,1,1,1,-
---
ids=6,7,8,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1,1,1 att=1,1,1,0,0,0,0,0,0,0 w=0,1,2,-,-,-,-,-,-,- seq=0,0,0,-,-,-,-,-,-,-
---
ids=4,0,5,0,3,3,3,3,3,3 type=0,0,0,1,0,0,0,0,0,0 tok=a,[UNK],b,[UNK],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:4,5:6,0:1,0:0,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,0,0,0,0,0,0 w=0,1,2,0,-,-,-,-,-,- seq=0,0,0,1,-,-,-,-,-,-"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,4,5,6,7,8,9,10,11,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,c,d,e,f,g,h,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,12,13,14,15,16,17,4,5 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],i,j,k,l,m,n,a,b off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:1,2:3 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,0,1 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,5,0 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,[UNK],b,[UNK] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:1 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,0 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,1"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,4,5,6,7,8,9,10,11,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,c,d,e,f,g,h,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,1,1,1,1,1,1"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11 type=0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7 seq=0,0,0,0,0,0,0,0
---
ids=6,7,8,3,3,3,3,3 type=0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1 att=1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,- seq=0,0,0,-,-,-,-,-"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,12 type=0,0,1 tok=a,b,i off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7,12 type=0,0,1 tok=c,d,i off=4:5,6:7,0:1 sp=0,0,0 att=1,1,1 w=2,3,0 seq=0,0,1
  ids=6,7,13 type=0,0,1 tok=c,d,j off=4:5,6:7,2:3 sp=0,0,0 att=1,1,1 w=2,3,1 seq=0,0,1
  ids=6,7,14 type=0,0,1 tok=c,d,k off=4:5,6:7,4:5 sp=0,0,0 att=1,1,1 w=2,3,2 seq=0,0,1
  ids=6,7,15 type=0,0,1 tok=c,d,l off=4:5,6:7,6:7 sp=0,0,0 att=1,1,1 w=2,3,3 seq=0,0,1
  ids=6,7,16 type=0,0,1 tok=c,d,m off=4:5,6:7,8:9 sp=0,0,0 att=1,1,1 w=2,3,4 seq=0,0,1
  ids=6,7,17 type=0,0,1 tok=c,d,n off=4:5,6:7,10:11 sp=0,0,0 att=1,1,1 w=2,3,5 seq=0,0,1
  ids=8,9,12 type=0,0,1 tok=e,f,i off=8:9,10:11,0:1 sp=0,0,0 att=1,1,1 w=4,5,0 seq=0,0,1
  ids=8,9,13 type=0,0,1 tok=e,f,j off=8:9,10:11,2:3 sp=0,0,0 att=1,1,1 w=4,5,1 seq=0,0,1
  ids=8,9,14 type=0,0,1 tok=e,f,k off=8:9,10:11,4:5 sp=0,0,0 att=1,1,1 w=4,5,2 seq=0,0,1
  ids=8,9,15 type=0,0,1 tok=e,f,l off=8:9,10:11,6:7 sp=0,0,0 att=1,1,1 w=4,5,3 seq=0,0,1
  ids=8,9,16 type=0,0,1 tok=e,f,m off=8:9,10:11,8:9 sp=0,0,0 att=1,1,1 w=4,5,4 seq=0,0,1
  ids=8,9,17 type=0,0,1 tok=e,f,n off=8:9,10:11,10:11 sp=0,0,0 att=1,1,1 w=4,5,5 seq=0,0,1
  ids=10,11,12 type=0,0,1 tok=g,h,i off=12:13,14:15,0:1 sp=0,0,0 att=1,1,1 w=6,7,0 seq=0,0,1
  ids=10,11,13 type=0,0,1 tok=g,h,j off=12:13,14:15,2:3 sp=0,0,0 att=1,1,1 w=6,7,1 seq=0,0,1
  ids=10,11,14 type=0,0,1 tok=g,h,k off=12:13,14:15,4:5 sp=0,0,0 att=1,1,1 w=6,7,2 seq=0,0,1
  ids=10,11,15 type=0,0,1 tok=g,h,l off=12:13,14:15,6:7 sp=0,0,0 att=1,1,1 w=6,7,3 seq=0,0,1
  ids=10,11,16 type=0,0,1 tok=g,h,m off=12:13,14:15,8:9 sp=0,0,0 att=1,1,1 w=6,7,4 seq=0,0,1
  ids=10,11,17 type=0,0,1 tok=g,h,n off=12:13,14:15,10:11 sp=0,0,0 att=1,1,1 w=6,7,5 seq=0,0,1
  ids=4,5,13 type=0,0,1 tok=a,b,j off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,1
  ids=4,5,14 type=0,0,1 tok=a,b,k off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,1
  ids=4,5,15 type=0,0,1 tok=a,b,l off=0:1,2:3,6:7 sp=0,0,0 att=1,1,1 w=0,1,3 seq=0,0,1
  ids=4,5,16 type=0,0,1 tok=a,b,m off=0:1,2:3,8:9 sp=0,0,0 att=1,1,1 w=0,1,4 seq=0,0,1
  ids=4,5,17 type=0,0,1 tok=a,b,n off=0:1,2:3,10:11 sp=0,0,0 att=1,1,1 w=0,1,5 seq=0,0,1
---
ids=4,12,13 type=0,1,1 tok=a,i,j off=0:1,0:1,2:3 sp=0,0,0 att=1,1,1 w=0,0,1 seq=0,1,1
  ids=5,12,13 type=0,1,1 tok=b,i,j off=2:3,0:1,2:3 sp=0,0,0 att=1,1,1 w=1,0,1 seq=0,1,1
  ids=5,14,15 type=0,1,1 tok=b,k,l off=2:3,4:5,6:7 sp=0,0,0 att=1,1,1 w=1,2,3 seq=0,1,1
  ids=5,16,17 type=0,1,1 tok=b,m,n off=2:3,8:9,10:11 sp=0,0,0 att=1,1,1 w=1,4,5 seq=0,1,1
  ids=4,14,15 type=0,1,1 tok=a,k,l off=0:1,4:5,6:7 sp=0,0,0 att=1,1,1 w=0,2,3 seq=0,1,1
  ids=4,16,17 type=0,1,1 tok=a,m,n off=0:1,8:9,10:11 sp=0,0,0 att=1,1,1 w=0,4,5 seq=0,1,1
---
ids=4,0,0 type=0,0,1 tok=a,[UNK],[UNK] off=0:1,2:4,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=5,0 type=0,1 tok=b,[UNK] off=5:6,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "bytelevel",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8,9,10,11 type=0,0,0,0,0,0,0,0 tok=a,b,c,d,e,f,g,h off=0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,2,3,4,5,6,7 seq=0,0,0,0,0,0,0,0
---
ids=6,7,8,3,3,3,3,3 type=0,0,0,0,0,0,0,0 tok=c,d,e,[PAD],[PAD],[PAD],[PAD],[PAD] off=0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0 sp=0,0,0,1,1,1,1,1 att=1,1,1,0,0,0,0,0 w=0,1,2,-,-,-,-,- seq=0,0,0,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,2,1,3,3,3 type=0,0,0,0,0,0,0,0,0,0,2,2,2,0,0,0 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 w=-,-,0,1,2,3,4,5,6,7,-,-,-,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,-,-,-,-,-
---
ids=1,3,6,7,8,2,2,1,3,3,3,3,3,3,3,3 type=0,0,0,0,0,2,2,2,0,0,0,0,0,0,0,0 tok=[CLS],[PAD],c,d,e,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,1,1,1,1,1,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,-,-,-,-,- seq=-,-,0,0,0,-,-,-,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,12,13,14,15,16,17,2,2,1 type=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],i,j,k,l,m,n,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,0,1,2,3,4,5,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,1,1,1,1,1,1,-,-,-
---
ids=1,3,4,5,2,12,13,14,15,16,17,2,2,1 type=0,0,0,0,1,1,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,[SEP],i,j,k,l,m,n,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0,0:0 sp=1,1,0,0,1,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,-,0,1,2,3,4,5,-,-,- seq=-,-,0,0,-,1,1,1,1,1,1,-,-,-
---
ids=1,3,4,0,5,2,0,2,2,1 type=0,0,0,0,0,1,1,2,2,2 tok=[CLS],[PAD],a,[UNK],b,[SEP],[UNK],[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:4,5:6,0:0,0:1,0:0,0:0,0:0 sp=1,1,0,0,0,1,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,-,0,-,-,- seq=-,-,0,0,0,-,1,-,-,-"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bl_tpl",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,9,10,11,2,2,1 type=0,0,0,0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,f,g,h,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,-,- seq=-,-,0,0,0,0,0,0,0,0,-,-,-
---
ids=1,3,6,7,8,2,2,1,3,3,3,3,3 type=0,0,0,0,0,2,2,2,0,0,0,0,0 tok=[CLS],[PAD],c,d,e,[SEP],[SEP],[CLS],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,1,1,1,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,-,- seq=-,-,0,0,0,-,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,2,3,3,3,4
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,1,0,0,0,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,-,0,1,2,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,2,3,3,3,3,3,3,4
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,1,12,13,14,15,16,17,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],i,j,k,l,m,n,[SEP],a,b,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:1,2:3,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,1,0,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,-,0,1,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,2,3,3,4
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,4,0,5,2,0,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,1,0,1 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2,-,0,- seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0,2,3,4"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],l,m,n,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,6:7,8:9,10:11,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,3,4,5,- seq=-,-,-,-,-,-,-,-,-,-,-,0,0,0,0,0,0,0,0,2,3,3,3,4
  ids=0,0,0,0,0,0,0,0,0,0,1,4,5,6,7,8,9,10,11,2,12,13,14,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,[SEP] off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,0:0 sp=1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0,1,0,0,0,1 att=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,0,1,2,3,4,5,6,7,-,0,1,2,- seq=3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD],[PAD] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,0,0 w=-,0,1,2,3,4,5,6,7,-,-,- seq=-,1,1,1,1,1,1,1,1,2,-,-
---
ids=1,6,7,8,2,3,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,-,-,- seq=-,1,1,1,2,-,-,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,2,4
  ids=1,4,5,6,7,8,9,10,11,2,2 type=0,0,0,0,0,0,0,0,0,0,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,1,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,- seq=-,0,0,0,0,0,0,0,0,2,4
  ids=1,4,5,6,7,8,9,10,11,2,12,13,14,15,16,17,2 type=0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,c,d,e,f,g,h,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,-,0,1,2,3,4,5,- seq=3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=3,3,3,3,3,3,3,3,3
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,2,4
  ids=1,4,5,2,2 type=0,0,0,0,1 tok=[CLS],a,b,[SEP],[SEP] off=0:0,0:1,2:3,0:0,0:0 sp=1,0,0,1,1 att=1,1,1,1,1 w=-,0,1,-,- seq=-,0,0,2,4
  ids=1,4,5,2,12,13,14,15,16,17,2 type=0,0,0,0,1,1,1,1,1,1,1 tok=[CLS],a,b,[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:1,2:3,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,0,0,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,-,0,1,2,3,4,5,- seq=3,3,3,3,3,3,3,3,3,3,3
  ids=1,2,12,13,14,15,16,17,2 type=0,0,1,1,1,1,1,1,1 tok=[CLS],[SEP],i,j,k,l,m,n,[SEP] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0 sp=1,1,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,- seq=3,3,3,3,3,3,3,3,3
---
ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,2,4
  ids=1,4,0,5,2,2 type=0,0,0,0,0,1 tok=[CLS],a,[UNK],b,[SEP],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:0 sp=1,0,0,0,1,1 att=1,1,1,1,1,1 w=-,0,1,2,-,- seq=-,0,0,0,2,4
  ids=1,4,0,5,2,0,2 type=0,0,0,0,0,1,1 tok=[CLS],a,[UNK],b,[SEP],[UNK],[SEP] off=0:0,0:1,2:4,5:6,0:0,0:1,0:0 sp=1,0,0,0,1,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,-,0,- seq=3,3,3,3,3,3,3
  ids=1,2,0,2 type=0,0,1,1 tok=[CLS],[SEP],[UNK],[SEP] off=0:0,0:0,0:1,0:0 sp=1,1,0,1 att=1,1,1,1 w=-,-,0,- seq=3,3,3,3"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_tpl_bl",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,9,10,11,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,f,g,h,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0 sp=1,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,5,6,7,- seq=-,1,1,1,1,1,1,1,1,2
---
ids=1,6,7,8,2,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,0,0,0,0,0 w=-,0,1,2,-,-,-,-,-,- seq=-,1,1,1,2,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf10s3",
        padding: "bl",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("c d e", None),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "os14l",
        padding: "fix20l8",
        inputs: &[("a b c d e f g h", Some("i j k l m n"))],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "none",
        padding: "bl4",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,4,5,6,7,8,9,10,11,2,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,- seq=-,0,0,0,0,0,0,0,0,0,0,-
---
ids=0,1,6,7,8,2,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,1,1,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,- seq=-,0,0,0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf3",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", Some("i j k l m n")),
            ("a b", Some("i j k l m n")),
            ("a zz b", Some("q")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,4,5,6,7,8,9,10,11,2,3,12,13,14,15,16,17,2,3 type=0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 tok=[UNK],[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD],i,j,k,l,m,n,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,-,0,1,2,3,4,5,-,- seq=-,0,0,0,0,0,0,0,0,0,0,-,1,1,1,1,1,1,1,-
---
ids=0,1,4,5,2,3,12,13,14,15,16,17,2,3 type=0,0,0,0,0,0,1,1,1,1,1,1,1,1 tok=[UNK],[CLS],a,b,[SEP],[PAD],i,j,k,l,m,n,[SEP],[PAD] off=0:0,0:0,0:1,2:3,0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,0:0,0:0 sp=1,0,0,0,0,1,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,-,-,0,1,2,3,4,5,-,- seq=-,0,0,0,0,-,1,1,1,1,1,1,1,-
---
ids=0,1,4,0,5,2,3,0,2,3 type=0,0,0,0,0,0,0,1,1,1 tok=[UNK],[CLS],a,[UNK],b,[SEP],[PAD],[UNK],[SEP],[PAD] off=0:0,0:0,0:1,2:4,5:6,0:0,0:0,0:1,0:0,0:0 sp=1,0,0,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,-,-,0,-,- seq=-,0,0,0,0,0,-,1,1,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "of6s2",
        padding: "none",
        inputs: &[
            ("a b c d e f g h", None),
            ("a b c d e f g h", Some("i j k l m n")),
            ("i j k l m n", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "of6s2",
        padding: "none",
        inputs: &[("a b", Some("i j k l m n"))],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf512",
        padding: "bl",
        inputs: &[("a b c d e f g h", None), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,4,5,6,7,8,9,10,11,2,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],a,b,c,d,e,f,g,h,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,10:11,12:13,14:15,0:0,0:0 sp=1,0,0,0,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,5,6,7,-,- seq=-,0,0,0,0,0,0,0,0,0,0,-
---
ids=0,1,6,7,8,2,3,3,3,3,3,3 type=0,0,0,0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],c,d,e,[SEP],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD] off=0:0,0:0,0:1,2:3,4:5,0:0,0:0,0:0,0:0,0:0,0:0,0:0 sp=1,0,0,0,0,0,1,1,1,1,1,1 att=1,1,1,1,1,1,1,0,0,0,0,0 w=-,-,0,1,2,-,-,-,-,-,-,- seq=-,0,0,0,0,0,-,-,-,-,-,-"#,
    },
    Case {
        processor: "none",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,1,1,1 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,1,1,1 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,0,0,0
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,0,0,0
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,-,-,-
---
ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "none",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,1,1,1 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,1,1,1 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,0,0,0
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,0,0,0
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,-,-,-
---
ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,0,0
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,0,0
  ids=7,8,12,13 type=0,0,1,1 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,0,0
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,0,0
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,0,0
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,-,-
---
ids=12,13,4,5 type=0,0,1,1 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,1,1 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=14,15,4,5 type=0,0,1,1 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,0,0
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,0,0
  ids=7,8,12,13 type=0,0,1,1 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,0,0
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,0,0
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,0,0
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,-,-
---
ids=12,13,4,5 type=0,0,1,1 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,1,1 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=14,15,4,5 type=0,0,1,1 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,1 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,1 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,0
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,0
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,0
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,0
  ids=6,12 type=0,1 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,0
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=7,12 type=0,1 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,0
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,0
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,0
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,0
  ids=8,12 type=0,1 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,0
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,0
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,0
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,0
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,-
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,-
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,-
---
ids=12,4 type=0,1 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,1 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,0
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,0
  ids=14,4 type=0,1 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=15,4 type=0,1 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,0
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,0
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,-"#,
    },
    Case {
        processor: "none",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,1 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,1 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,0
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,0
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,0
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,0
  ids=6,12 type=0,1 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,0
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=7,12 type=0,1 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,0
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,0
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,0
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,0
  ids=8,12 type=0,1 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,0
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,0
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,0
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,0
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,-
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,-
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,-
---
ids=12,4 type=0,1 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,1 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,0
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,0
  ids=14,4 type=0,1 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=15,4 type=0,1 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,0
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,0
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,-"#,
    },
    Case {
        processor: "none",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,0,0,0,0
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=-,-,-,-
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,0,0
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=-,-"#,
    },
    Case {
        processor: "none",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,0,0,0,0
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=-,-,-,-
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,0,0
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=-,-"#,
    },
    Case {
        processor: "none",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,1,1,1 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,1,1,1 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,1,1,1
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,1,1,1
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,1,1,1
---
ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,1,1
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,1,1
  ids=7,8,12,13 type=0,0,1,1 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,1,1
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,1,1
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,1,1
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,1,1
---
ids=12,13,4,5 type=0,0,1,1 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,1,1 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=14,15,4,5 type=0,0,1,1 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1"#,
    },
    Case {
        processor: "tpl",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "tpl",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,2 type=0,0 tok=[CLS],[SEP] off=0:0,0:0 sp=1,1 att=1,1 w=-,- seq=-,-
  ids=1,4,5,6,7,8,2 type=0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0 sp=1,0,0,0,0,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,3,4,- seq=-,0,0,0,0,0,-
---
ids=1,4,5,6,7,8,2,12,13,14,15,2 type=0,0,0,0,0,0,0,1,1,1,1,1 tok=[CLS],a,b,c,d,e,[SEP],i,j,k,l,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,0,0,0,0,0,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,0,1,2,3,- seq=-,0,0,0,0,0,-,1,1,1,1,-
---
ids=1,12,13,14,15,2,4,5,2 type=0,0,0,0,0,0,1,1,1 tok=[CLS],i,j,k,l,[SEP],a,b,[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0 sp=1,0,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,0,1,- seq=-,0,0,0,0,-,1,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,1 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,1 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,1
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,1
  ids=6,12 type=0,1 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,1
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,1
  ids=7,12 type=0,1 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,1
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,1
  ids=8,12 type=0,1 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,1
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,1
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,1
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,1
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,1
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,1
---
ids=12,4 type=0,1 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,1 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=14,4 type=0,1 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=15,4 type=0,1 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,2 type=0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0 sp=1,0,0,0,0,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,3,4,- seq=-,0,0,0,0,0,-
---
ids=1,4,5,6,7,8,2,12,13,14,15,2 type=0,0,0,0,0,0,0,1,1,1,1,1 tok=[CLS],a,b,c,d,e,[SEP],i,j,k,l,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,0,0,0,0,0,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,0,1,2,3,- seq=-,0,0,0,0,0,-,1,1,1,1,-
---
ids=1,12,13,14,15,2,4,5,2 type=0,0,0,0,0,0,1,1,1 tok=[CLS],i,j,k,l,[SEP],a,b,[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0 sp=1,0,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,0,1,- seq=-,0,0,0,0,-,1,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,1,1,1,1
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=1,1,1,1
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=1,1"#,
    },
    Case {
        processor: "tpl",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Second sequence not provided"#,
    },
    Case {
        processor: "tpl",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,0,0,0 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,0,0,0 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,1,1,1
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,1,1,1
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,1,1,1
---
ids=12,13,14,15,4,5 type=0,0,0,0,0,0 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,2 type=0,0,0,0 tok=[CLS],a,b,[SEP] off=0:0,0:1,2:3,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,0,1,- seq=-,0,0,-
  ids=1,5,6,2 type=0,0,0,0 tok=[CLS],b,c,[SEP] off=0:0,2:3,4:5,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,1,2,- seq=-,0,0,-
  ids=1,6,7,2 type=0,0,0,0 tok=[CLS],c,d,[SEP] off=0:0,4:5,6:7,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,2,3,- seq=-,0,0,-
  ids=1,7,8,2 type=0,0,0,0 tok=[CLS],d,e,[SEP] off=0:0,6:7,8:9,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,3,4,- seq=-,0,0,-
---
ids=1,2,2,2 type=0,0,0,0 tok=[CLS],[SEP],[SEP],[SEP] off=0:0,0:0,0:0,0:0 sp=1,1,1,1 att=1,1,1,1 w=-,-,-,- seq=-,-,-,-
  ids=1,4,5,6,7,8,2,2,2 type=0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP],[SEP],[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,-,- seq=-,0,0,0,0,0,-,-,-
  ids=1,4,5,6,7,8,2,2,12,13,14,15,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP],[SEP],i,j,k,l,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,0,0,0,0,0,1,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,-,0,1,2,3,- seq=-,0,0,0,0,0,-,-,1,1,1,1,-
  ids=1,2,2,12,13,14,15,2 type=0,0,0,0,0,0,0,0 tok=[CLS],[SEP],[SEP],i,j,k,l,[SEP] off=0:0,0:0,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,1,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1 w=-,-,-,0,1,2,3,- seq=-,-,-,1,1,1,1,-
---
ids=1,2,2,2 type=0,0,0,0 tok=[CLS],[SEP],[SEP],[SEP] off=0:0,0:0,0:0,0:0 sp=1,1,1,1 att=1,1,1,1 w=-,-,-,- seq=-,-,-,-
  ids=1,12,13,14,15,2,2,2 type=0,0,0,0,0,0,0,0 tok=[CLS],i,j,k,l,[SEP],[SEP],[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,-,- seq=-,0,0,0,0,-,-,-
  ids=1,12,13,14,15,2,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],i,j,k,l,[SEP],[SEP],a,b,[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0 sp=1,0,0,0,0,1,1,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,-,0,1,- seq=-,0,0,0,0,-,-,1,1,-
  ids=1,2,2,4,5,2 type=0,0,0,0,0,0 tok=[CLS],[SEP],[SEP],a,b,[SEP] off=0:0,0:0,0:0,0:1,2:3,0:0 sp=1,1,1,0,0,1 att=1,1,1,1,1,1 w=-,-,-,0,1,- seq=-,-,-,1,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,0,0 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,0,0 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,1,1
  ids=6,7,12,13 type=0,0,0,0 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,1,1
  ids=7,8,12,13 type=0,0,0,0 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,1,1
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,1,1
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,1,1
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,1,1
---
ids=12,13,4,5 type=0,0,0,0 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,0,0 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=14,15,4,5 type=0,0,0,0 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1"#,
    },
    Case {
        processor: "roberta",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Sequence to truncate too short to respect the provided max_len"#,
    },
    Case {
        processor: "roberta",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,2 type=0,0 tok=[CLS],[SEP] off=0:0,0:0 sp=1,1 att=1,1 w=-,- seq=-,-
  ids=1,4,5,6,7,8,2 type=0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0 sp=1,0,0,0,0,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,3,4,- seq=-,0,0,0,0,0,-
---
ids=1,4,5,6,7,8,2,2,12,13,14,15,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP],[SEP],i,j,k,l,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,0,0,0,0,0,1,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,-,0,1,2,3,- seq=-,0,0,0,0,0,-,-,1,1,1,1,-
---
ids=1,12,13,14,15,2,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],i,j,k,l,[SEP],[SEP],a,b,[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0 sp=1,0,0,0,0,1,1,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,-,0,1,- seq=-,0,0,0,0,-,-,1,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,0 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,0 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,1
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,1
  ids=6,12 type=0,0 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,1
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,1
  ids=7,12 type=0,0 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,1
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,1
  ids=8,12 type=0,0 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,1
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,1
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,1
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,1
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,1
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,1
---
ids=12,4 type=0,0 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,0 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=14,4 type=0,0 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=15,4 type=0,0 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,4,5,6,7,8,2 type=0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0 sp=1,0,0,0,0,0,1 att=1,1,1,1,1,1,1 w=-,0,1,2,3,4,- seq=-,0,0,0,0,0,-
---
ids=1,4,5,6,7,8,2,2,12,13,14,15,2 type=0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[CLS],a,b,c,d,e,[SEP],[SEP],i,j,k,l,[SEP] off=0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0 sp=1,0,0,0,0,0,1,1,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,4,-,-,0,1,2,3,- seq=-,0,0,0,0,0,-,-,1,1,1,1,-
---
ids=1,12,13,14,15,2,2,4,5,2 type=0,0,0,0,0,0,0,0,0,0 tok=[CLS],i,j,k,l,[SEP],[SEP],a,b,[SEP] off=0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0 sp=1,0,0,0,0,1,1,0,0,1 att=1,1,1,1,1,1,1,1,1,1 w=-,0,1,2,3,-,-,0,1,- seq=-,0,0,0,0,-,-,1,1,-"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,1,1,1,1
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=1,1,1,1
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=1,1"#,
    },
    Case {
        processor: "roberta",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Second sequence not provided"#,
    },
    Case {
        processor: "roberta",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "roberta",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "multi",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=2` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "multi",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,1,1,1 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,1,1,1 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,1,1,1
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,1,1,1
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,1,1,1
---
ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "multi",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,2,2,1 type=0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,- seq=-,-,0,0,0,0,0,-,-,-
---
ids=1,3,4,5,6,7,8,2,12,13,14,15,2,2,1 type=0,0,0,0,0,0,0,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],i,j,k,l,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,0,1,2,3,-,-,- seq=-,-,0,0,0,0,0,-,1,1,1,1,-,-,-
---
ids=1,3,12,13,14,15,2,4,5,2,2,1 type=0,0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],i,j,k,l,[SEP],a,b,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,-,-,- seq=-,-,0,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,1,1
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,1,1
  ids=7,8,12,13 type=0,0,1,1 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,1,1
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,1,1
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,1,1
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,1,1
---
ids=12,13,4,5 type=0,0,1,1 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,1,1 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=14,15,4,5 type=0,0,1,1 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1"#,
    },
    Case {
        processor: "multi",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,2,2,1 type=0,0,2,2,2 tok=[CLS],[PAD],[SEP],[SEP],[CLS] off=0:0,0:0,0:0,0:0,0:0 sp=1,1,1,1,1 att=1,1,1,1,1 w=-,-,-,-,- seq=-,-,-,-,-
  ids=1,3,4,5,6,7,8,2,2,1 type=0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,- seq=-,-,0,0,0,0,0,-,-,-
---
ids=1,3,4,5,6,7,8,2,12,13,14,15,2,2,1 type=0,0,0,0,0,0,0,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],i,j,k,l,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,0,1,2,3,-,-,- seq=-,-,0,0,0,0,0,-,1,1,1,1,-,-,-
---
ids=1,3,12,13,14,15,2,4,5,2,2,1 type=0,0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],i,j,k,l,[SEP],a,b,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,-,-,- seq=-,-,0,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "multi",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,2,2,1 type=0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,- seq=-,-,0,0,0,0,0,-,-,-
---
ids=1,3,4,5,6,7,8,2,12,13,14,15,2,2,1 type=0,0,0,0,0,0,0,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],i,j,k,l,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,0,1,2,3,-,-,- seq=-,-,0,0,0,0,0,-,1,1,1,1,-,-,-
---
ids=1,3,12,13,14,15,2,4,5,2,2,1 type=0,0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],i,j,k,l,[SEP],a,b,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,-,-,- seq=-,-,0,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,1 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,1 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,1
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,1
  ids=6,12 type=0,1 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,1
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,1
  ids=7,12 type=0,1 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,1
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,1
  ids=8,12 type=0,1 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,1
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,1
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,1
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,1
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,1
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,1
---
ids=12,4 type=0,1 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,1 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=14,4 type=0,1 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=15,4 type=0,1 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1"#,
    },
    Case {
        processor: "multi",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,4,5,6,7,8,2,2,1 type=0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,- seq=-,-,0,0,0,0,0,-,-,-
---
ids=1,3,4,5,6,7,8,2,12,13,14,15,2,2,1 type=0,0,0,0,0,0,0,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],i,j,k,l,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,0,1,2,3,-,-,- seq=-,-,0,0,0,0,0,-,1,1,1,1,-,-,-
---
ids=1,3,12,13,14,15,2,4,5,2,2,1 type=0,0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],i,j,k,l,[SEP],a,b,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,-,-,- seq=-,-,0,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,1,1,1,1
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=1,1,1,1
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=1,1"#,
    },
    Case {
        processor: "multi",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Second sequence not provided"#,
    },
    Case {
        processor: "multi",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "multi",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=1,3,2,2,1 type=0,0,2,2,2 tok=[CLS],[PAD],[SEP],[SEP],[CLS] off=0:0,0:0,0:0,0:0,0:0 sp=1,1,1,1,1 att=1,1,1,1,1 w=-,-,-,-,- seq=-,-,-,-,-
  ids=1,3,4,5,6,7,8,2,2,1 type=0,0,0,0,0,0,0,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,- seq=-,-,0,0,0,0,0,-,-,-
---
ids=1,3,4,5,6,7,8,2,12,13,14,15,2,2,1 type=0,0,0,0,0,0,0,1,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,e,[SEP],i,j,k,l,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:0 sp=1,1,0,0,0,0,0,1,0,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,0,1,2,3,-,-,- seq=-,-,0,0,0,0,0,-,1,1,1,1,-,-,-
---
ids=1,3,12,13,14,15,2,4,5,2,2,1 type=0,0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],i,j,k,l,[SEP],a,b,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,-,-,- seq=-,-,0,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf7s2l",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids=5,6,7,8,13,14,15 type=0,0,0,0,1,1,1 tok=b,c,d,e,j,k,l off=2:3,4:5,6:7,8:9,2:3,4:5,6:7 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,1,2,3 seq=0,0,0,0,1,1,1
  ids=4,5,6,13,14,15 type=0,0,0,1,1,1 tok=a,b,c,j,k,l off=0:1,2:3,4:5,2:3,4:5,6:7 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,1,2,3 seq=0,0,0,1,1,1
  ids=4,5,6,12,13,14 type=0,0,0,1,1,1 tok=a,b,c,i,j,k off=0:1,2:3,4:5,0:1,2:3,4:5 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,0,1,2 seq=0,0,0,1,1,1
  ids=5,6,7,8,12,13,14 type=0,0,0,0,1,1,1 tok=b,c,d,e,i,j,k off=2:3,4:5,6:7,8:9,0:1,2:3,4:5 sp=0,0,0,0,0,0,0 att=1,1,1,1,1,1,1 w=1,2,3,4,0,1,2 seq=0,0,0,0,1,1,1
---
ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,2,3 type=0,0,0,0 tok=[UNK],[CLS],[SEP],[PAD] off=0:0,0:0,0:0,0:0 sp=1,0,0,1 att=1,1,1,1 w=-,-,-,- seq=-,0,0,-
  ids=0,1,4,5,6,7,8,2,3 type=0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0 sp=1,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,- seq=-,0,0,0,0,0,0,0,-
---
ids=0,1,4,5,6,7,8,2,3,12,13,14,15,2,3 type=0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD],i,j,k,l,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0 sp=1,0,0,0,0,0,0,0,1,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,0,1,2,3,-,- seq=-,0,0,0,0,0,0,0,-,1,1,1,1,1,-
---
ids=0,1,12,13,14,15,2,3,4,5,2,3 type=0,0,0,0,0,0,0,0,1,1,1,1 tok=[UNK],[CLS],i,j,k,l,[SEP],[PAD],a,b,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0,0:0 sp=1,0,0,0,0,0,0,1,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,-,0,1,-,- seq=-,0,0,0,0,0,0,-,1,1,1,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,6,7 type=0,0,0,0 tok=a,b,c,d off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=7,8 type=0,0 tok=d,e off=6:7,8:9 sp=0,0 att=1,1 w=3,4 seq=0,0
---
ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,14,15 type=0,0,1,1 tok=b,c,k,l off=2:3,4:5,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=1,2,2,3 seq=0,0,1,1
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,14,15 type=0,0,1,1 tok=c,d,k,l off=4:5,6:7,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=2,3,2,3 seq=0,0,1,1
  ids=7,8,12,13 type=0,0,1,1 tok=d,e,i,j off=6:7,8:9,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=3,4,0,1 seq=0,0,1,1
  ids=7,8,13,14 type=0,0,1,1 tok=d,e,j,k off=6:7,8:9,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=3,4,1,2 seq=0,0,1,1
  ids=7,8,14,15 type=0,0,1,1 tok=d,e,k,l off=6:7,8:9,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=3,4,2,3 seq=0,0,1,1
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
  ids=4,5,14,15 type=0,0,1,1 tok=a,b,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,1,1
---
ids=12,13,4,5 type=0,0,1,1 tok=i,j,a,b off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=13,14,4,5 type=0,0,1,1 tok=j,k,a,b off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
  ids=14,15,4,5 type=0,0,1,1 tok=k,l,a,b off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "of5l1",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,4,5,6,7,8,2,3 type=0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0 sp=1,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,- seq=-,0,0,0,0,0,0,0,-
---
ids=0,1,4,5,6,7,8,2,3,12,13,14,15,2,3 type=0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD],i,j,k,l,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0 sp=1,0,0,0,0,0,0,0,1,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,0,1,2,3,-,- seq=-,0,0,0,0,0,0,0,-,1,1,1,1,1,-
---
ids=0,1,12,13,14,15,2,3,4,5,2,3 type=0,0,0,0,0,0,0,0,1,1,1,1 tok=[UNK],[CLS],i,j,k,l,[SEP],[PAD],a,b,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0,0:0 sp=1,0,0,0,0,0,0,1,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,-,0,1,-,- seq=-,0,0,0,0,0,0,-,1,1,1,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf2",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5 type=0,0 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,0
  ids=6,7 type=0,0 tok=c,d off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,0
  ids=8 type=0 tok=e off=8:9 sp=0 att=1 w=4 seq=0
---
ids=4,12 type=0,1 tok=a,i off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=5,12 type=0,1 tok=b,i off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=5,13 type=0,1 tok=b,j off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=5,14 type=0,1 tok=b,k off=2:3,4:5 sp=0,0 att=1,1 w=1,2 seq=0,1
  ids=5,15 type=0,1 tok=b,l off=2:3,6:7 sp=0,0 att=1,1 w=1,3 seq=0,1
  ids=6,12 type=0,1 tok=c,i off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=6,13 type=0,1 tok=c,j off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,14 type=0,1 tok=c,k off=4:5,4:5 sp=0,0 att=1,1 w=2,2 seq=0,1
  ids=6,15 type=0,1 tok=c,l off=4:5,6:7 sp=0,0 att=1,1 w=2,3 seq=0,1
  ids=7,12 type=0,1 tok=d,i off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=7,13 type=0,1 tok=d,j off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=7,14 type=0,1 tok=d,k off=6:7,4:5 sp=0,0 att=1,1 w=3,2 seq=0,1
  ids=7,15 type=0,1 tok=d,l off=6:7,6:7 sp=0,0 att=1,1 w=3,3 seq=0,1
  ids=8,12 type=0,1 tok=e,i off=8:9,0:1 sp=0,0 att=1,1 w=4,0 seq=0,1
  ids=8,13 type=0,1 tok=e,j off=8:9,2:3 sp=0,0 att=1,1 w=4,1 seq=0,1
  ids=8,14 type=0,1 tok=e,k off=8:9,4:5 sp=0,0 att=1,1 w=4,2 seq=0,1
  ids=8,15 type=0,1 tok=e,l off=8:9,6:7 sp=0,0 att=1,1 w=4,3 seq=0,1
  ids=4,13 type=0,1 tok=a,j off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1
  ids=4,14 type=0,1 tok=a,k off=0:1,4:5 sp=0,0 att=1,1 w=0,2 seq=0,1
  ids=4,15 type=0,1 tok=a,l off=0:1,6:7 sp=0,0 att=1,1 w=0,3 seq=0,1
---
ids=12,4 type=0,1 tok=i,a off=0:1,0:1 sp=0,0 att=1,1 w=0,0 seq=0,1
  ids=13,4 type=0,1 tok=j,a off=2:3,0:1 sp=0,0 att=1,1 w=1,0 seq=0,1
  ids=13,5 type=0,1 tok=j,b off=2:3,2:3 sp=0,0 att=1,1 w=1,1 seq=0,1
  ids=14,4 type=0,1 tok=k,a off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
  ids=14,5 type=0,1 tok=k,b off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=15,4 type=0,1 tok=l,a off=6:7,0:1 sp=0,0 att=1,1 w=3,0 seq=0,1
  ids=15,5 type=0,1 tok=l,b off=6:7,2:3 sp=0,0 att=1,1 w=3,1 seq=0,1
  ids=12,5 type=0,1 tok=i,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=0,1"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,1,4,5,6,7,8,2,3 type=0,0,0,0,0,0,0,0,0 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0 sp=1,0,0,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,- seq=-,0,0,0,0,0,0,0,-
---
ids=0,1,4,5,6,7,8,2,3,12,13,14,15,2,3 type=0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[UNK],[CLS],a,b,c,d,e,[SEP],[PAD],i,j,k,l,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,8:9,0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0 sp=1,0,0,0,0,0,0,0,1,0,0,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,4,-,-,0,1,2,3,-,- seq=-,0,0,0,0,0,0,0,-,1,1,1,1,1,-
---
ids=0,1,12,13,14,15,2,3,4,5,2,3 type=0,0,0,0,0,0,0,0,1,1,1,1 tok=[UNK],[CLS],i,j,k,l,[SEP],[PAD],a,b,[SEP],[PAD] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:0,0:1,2:3,0:0,0:0 sp=1,0,0,0,0,0,0,1,0,0,0,1 att=1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,-,0,1,-,- seq=-,0,0,0,0,0,0,-,1,1,1,-"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf0",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
---
ids= type= tok= off= sp= att= w= seq=
  ids=4,5,6,7,8 type=0,0,0,0,0 tok=a,b,c,d,e off=0:1,2:3,4:5,6:7,8:9 sp=0,0,0,0,0 att=1,1,1,1,1 w=0,1,2,3,4 seq=0,0,0,0,0
  ids=4,5,6,7,8,12,13,14,15 type=0,0,0,0,0,1,1,1,1 tok=a,b,c,d,e,i,j,k,l off=0:1,2:3,4:5,6:7,8:9,0:1,2:3,4:5,6:7 sp=0,0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1,1 w=0,1,2,3,4,0,1,2,3 seq=0,0,0,0,0,1,1,1,1
  ids=12,13,14,15 type=1,1,1,1 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=1,1,1,1
---
ids= type= tok= off= sp= att= w= seq=
  ids=12,13,14,15 type=0,0,0,0 tok=i,j,k,l off=0:1,2:3,4:5,6:7 sp=0,0,0,0 att=1,1,1,1 w=0,1,2,3 seq=0,0,0,0
  ids=12,13,14,15,4,5 type=0,0,0,0,1,1 tok=i,j,k,l,a,b off=0:1,2:3,4:5,6:7,0:1,2:3 sp=0,0,0,0,0,0 att=1,1,1,1,1,1 w=0,1,2,3,0,1 seq=0,0,0,0,1,1
  ids=4,5 type=1,1 tok=a,b off=0:1,2:3 sp=0,0 att=1,1 w=0,1 seq=1,1"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR Truncation error: Second sequence not provided"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "os6",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "seq_bert_bert",
        truncation: "lf5s4",
        padding: "none",
        inputs: &[
            ("a b c d e", None),
            ("a b c d e", Some("i j k l")),
            ("i j k l", Some("a b")),
        ],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=3` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "none",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ids=4,5,7 type=0,0,1 tok=a,b,d off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7 type=0,1 tok=c,d off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=4,5,8 type=0,0,1 tok=a,b,e off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,-
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ids=4,5,8,9 type=0,0,1,1 tok=a,b,e,f off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,8,9 type=0,0,1,1 tok=b,c,e,f off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=6,7,8,9 type=0,0,1,1 tok=c,d,e,f off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=4,5,9,10 type=0,0,1,1 tok=a,b,f,g off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,7 type=0,0,1 tok=a,b,d off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7 type=0,1 tok=c,d off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,0
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0
  ids=4,5,8 type=0,0,1 tok=a,b,e off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,-
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,8,9 type=0,0,1,1 tok=a,b,e,f off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,8,9 type=0,0,1,1 tok=b,c,e,f off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=6,7,8,9 type=0,0,1,1 tok=c,d,e,f off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=4,5,9,10 type=0,0,1,1 tok=a,b,f,g off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ids=1,2,2 type=0,0,1 tok=[CLS],[SEP],[SEP] off=0:0,0:0,0:0 sp=1,1,1 att=1,1,1 w=-,-,- seq=-,-,-
  ids=1,4,5,6,2,2 type=0,0,0,0,0,1 tok=[CLS],a,b,c,[SEP],[SEP] off=0:0,0:1,2:3,4:5,0:0,0:0 sp=1,0,0,0,1,1 att=1,1,1,1,1,1 w=-,0,1,2,-,- seq=-,0,0,0,-,-
    ids=1,4,5,6,2,7,8,2 type=0,0,0,0,0,1,1,1 tok=[CLS],a,b,c,[SEP],d,e,[SEP] off=0:0,0:1,2:3,4:5,0:0,0:1,2:3,0:0 sp=1,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1 w=-,0,1,2,-,0,1,- seq=-,0,0,0,-,1,1,-
  ids=1,4,5,6,2,7,8,2 type=0,0,0,0,0,1,1,1 tok=[CLS],a,b,c,[SEP],d,e,[SEP] off=0:0,0:1,2:3,4:5,0:0,0:1,2:3,0:0 sp=1,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1 w=-,0,1,2,-,0,1,- seq=-,0,0,0,-,1,1,-
  ids=1,2,7,8,2 type=0,0,1,1,1 tok=[CLS],[SEP],d,e,[SEP] off=0:0,0:0,0:1,2:3,0:0 sp=1,1,0,0,1 att=1,1,1,1,1 w=-,-,0,1,- seq=-,-,1,1,-
    ids=1,4,5,6,2,7,8,2 type=0,0,0,0,0,1,1,1 tok=[CLS],a,b,c,[SEP],d,e,[SEP] off=0:0,0:1,2:3,4:5,0:0,0:1,2:3,0:0 sp=1,0,0,0,1,0,0,1 att=1,1,1,1,1,1,1,1 w=-,0,1,2,-,0,1,- seq=-,0,0,0,-,1,1,-"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,7 type=0,0,1 tok=a,b,d off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7 type=0,1 tok=c,d off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=4,5,8 type=0,0,1 tok=a,b,e off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,1
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,8,9 type=0,0,1,1 tok=a,b,e,f off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,8,9 type=0,0,1,1 tok=b,c,e,f off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=6,7,8,9 type=0,0,1,1 tok=c,d,e,f off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=4,5,9,10 type=0,0,1,1 tok=a,b,f,g off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1"#,
    },
    Case {
        processor: "multi",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ids=1,3,4,5,6,2,7,8,2,2,1 type=0,0,0,0,0,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,[SEP],d,e,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,0:0,0:1,2:3,0:0,0:0,0:0 sp=1,1,0,0,0,1,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,-,0,1,-,-,- seq=-,-,0,0,0,-,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: true,
        depth: 9,
        expect: r#"ids=1,3,4,5,6,7,2,8,9,10,2,2,1 type=0,0,0,0,0,0,1,1,1,1,2,2,2 tok=[CLS],[PAD],a,b,c,d,[SEP],e,f,g,[SEP],[SEP],[CLS] off=0:0,0:0,0:1,2:3,4:5,6:7,0:0,0:1,2:3,4:5,0:0,0:0,0:0 sp=1,1,0,0,0,0,1,0,0,0,1,1,1 att=1,1,1,1,1,1,1,1,1,1,1,1,1 w=-,-,0,1,2,3,-,0,1,2,-,-,- seq=-,-,0,0,0,0,-,1,1,1,-,-,-"#,
    },
    Case {
        processor: "multi",
        truncation: "lf3",
        padding: "none",
        inputs: &[("a b c", Some("d e"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,7 type=0,0,1 tok=a,b,d off=0:1,2:3,0:1 sp=0,0,0 att=1,1,1 w=0,1,0 seq=0,0,1
  ids=6,7 type=0,1 tok=c,d off=4:5,0:1 sp=0,0 att=1,1 w=2,0 seq=0,1
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1
  ids=4,5,8 type=0,0,1 tok=a,b,e off=0:1,2:3,2:3 sp=0,0,0 att=1,1,1 w=0,1,1 seq=0,0,1
    ids=6,8 type=0,1 tok=c,e off=4:5,2:3 sp=0,0 att=1,1 w=2,1 seq=0,1"#,
    },
    Case {
        processor: "multi",
        truncation: "lf4s1",
        padding: "none",
        inputs: &[("a b c d", Some("e f g"))],
        add_special_tokens: false,
        depth: 9,
        expect: r#"ids=4,5,8,9 type=0,0,1,1 tok=a,b,e,f off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,8,9 type=0,0,1,1 tok=b,c,e,f off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,1,1
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
  ids=6,7,8,9 type=0,0,1,1 tok=c,d,e,f off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,1,1
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1
  ids=4,5,9,10 type=0,0,1,1 tok=a,b,f,g off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,1,1
    ids=5,6,9,10 type=0,0,1,1 tok=b,c,f,g off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,1,1
    ids=6,7,9,10 type=0,0,1,1 tok=c,d,f,g off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,1,1"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "fix3",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
---
ids=6,7,8 type=0,0,0 tok=c,d,e off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "none",
        padding: "fix3",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=6,7,8 type=0,0,0 tok=c,d,e off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "bl0",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=4,5,12,13 type=0,0,1,1 tok=a,b,i,j off=0:1,2:3,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=0,1,0,1 seq=0,0,1,1
  ids=5,6,12,13 type=0,0,1,1 tok=b,c,i,j off=2:3,4:5,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=1,2,0,1 seq=0,0,0,0
  ids=5,6,13,14 type=0,0,1,1 tok=b,c,j,k off=2:3,4:5,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=1,2,1,2 seq=0,0,0,0
  ids=6,7,12,13 type=0,0,1,1 tok=c,d,i,j off=4:5,6:7,0:1,2:3 sp=0,0,0,0 att=1,1,1,1 w=2,3,0,1 seq=0,0,0,0
  ids=6,7,13,14 type=0,0,1,1 tok=c,d,j,k off=4:5,6:7,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=2,3,1,2 seq=0,0,0,0
  ids=4,5,13,14 type=0,0,1,1 tok=a,b,j,k off=0:1,2:3,2:3,4:5 sp=0,0,0,0 att=1,1,1,1 w=0,1,1,2 seq=0,0,-,-
---
ids=3,6,7,8 type=1,0,0,0 tok=[PAD],c,d,e off=0:0,0:1,2:3,4:5 sp=1,0,0,0 att=0,1,1,1 w=-,0,1,2 seq=0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "none",
        padding: "bl0",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=3,3,3,3,3,6,7,8 type=1,1,1,1,1,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,0,0,0 att=0,0,0,0,0,1,1,1 w=-,-,-,-,-,0,1,2 seq=0,0,0,0,0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "lf4s1",
        padding: "fix20l8",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1
  ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,5,6,12,13 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],b,c,i,j off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,2:3,4:5,0:1,2:3 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,1,2,0,1 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
  ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,5,6,13,14 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],b,c,j,k off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,2:3,4:5,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,1,2,1,2 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
  ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,12,13 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,i,j off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,4:5,6:7,0:1,2:3 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,2,3,0,1 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
  ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,13,14 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,j,k off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,4:5,6:7,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,2,3,1,2 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
  ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,13,14 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,j,k off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,1,2 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,-,-
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,8 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"#,
    },
    Case {
        processor: "none",
        truncation: "none",
        padding: "fix20l8",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,8 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2 seq=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "fix3",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "none",
        padding: "fix3",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=6,7,8 type=0,0,0 tok=c,d,e off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,0"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "bl0",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "none",
        padding: "bl0",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=3,3,3,3,3,6,7,8 type=1,1,1,1,1,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,0,0,0 att=0,0,0,0,0,1,1,1 w=-,-,-,-,-,0,1,2 seq=-,-,-,-,-,0,0,0"#,
    },
    Case {
        processor: "tpl",
        truncation: "lf4s1",
        padding: "fix20l8",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "tpl",
        truncation: "none",
        padding: "fix20l8",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,8 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0"#,
    },
    Case {
        processor: "bert",
        truncation: "lf4s1",
        padding: "fix3",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "bert",
        truncation: "none",
        padding: "fix3",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=6,7,8 type=0,0,0 tok=c,d,e off=0:1,2:3,4:5 sp=0,0,0 att=1,1,1 w=0,1,2 seq=0,0,0"#,
    },
    Case {
        processor: "bert",
        truncation: "lf4s1",
        padding: "bl0",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "bert",
        truncation: "none",
        padding: "bl0",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=4,5,12,13,14,15,16,17 type=0,0,1,1,1,1,1,1 tok=a,b,i,j,k,l,m,n off=0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=0,0,0,0,0,0,0,0 att=1,1,1,1,1,1,1,1 w=0,1,0,1,2,3,4,5 seq=0,0,1,1,1,1,1,1
---
ids=3,3,3,3,3,6,7,8 type=1,1,1,1,1,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,0,0,0 att=0,0,0,0,0,1,1,1 w=-,-,-,-,-,0,1,2 seq=-,-,-,-,-,0,0,0"#,
    },
    Case {
        processor: "bert",
        truncation: "lf4s1",
        padding: "fix20l8",
        inputs: &[("a b c d", Some("i j k")), ("c d e", None)],
        add_special_tokens: true,
        depth: 1,
        expect: r#"ERR `stride` must be strictly less than `max_len=1` (note that `max_len` may be shor"#,
    },
    Case {
        processor: "bert",
        truncation: "none",
        padding: "fix20l8",
        inputs: &[("a b", Some("i j k l m n")), ("c d e", None)],
        add_special_tokens: false,
        depth: 1,
        expect: r#"ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,5,12,13,14,15,16,17 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],a,b,i,j,k,l,m,n off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,0:1,2:3,4:5,6:7,8:9,10:11 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,0,1,2,3,4,5 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,1,1,1,1,1,1
---
ids=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,7,8 type=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 tok=[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],[PAD],c,d,e off=0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:0,0:1,2:3,4:5 sp=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,0,0,0 att=0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1 w=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,1,2 seq=-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,-,0,0,0"#,
    },
];
