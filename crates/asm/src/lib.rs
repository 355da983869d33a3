//! The Babbage assembler and disassembler.
