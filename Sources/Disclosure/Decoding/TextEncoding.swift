/// The encodings a disclosure's text file arrives in.
public enum TextEncoding: String, Hashable, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// GB18030, which includes GBK and GB2312 as subsets.
    case gb18030 = "GB18030"
}

/// Text decoded from a file's bytes, with the encoding it was found in.
public struct DecodedText: Hashable, Sendable {
    public var text: String
    public var encoding: TextEncoding

    public init(text: String, encoding: TextEncoding) {
        self.text = text
        self.encoding = encoding
    }
}

/// Why bytes could not be read as the text of a disclosure.
public enum TextDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are a known binary format or full of control characters.
    case binary(String)
    /// The bytes are not valid in any supported encoding.
    case undecodable(String)

    public var description: String {
        switch self {
        case .binary(let what):
            "is not text but \(what); give a .txt of the disclosure, or a .pdf, which is converted with pdftotext"
        case .undecodable(let reason):
            "is not valid UTF-8, UTF-16 or GB18030 text (\(reason)); convert it to UTF-8, e.g. iconv -f <encoding> -t UTF-8"
        }
    }
}
