/**
 * Tokens of native HCL syntax. A token owns the trivia (spaces, tabs and
 * comments) that stands before it, so printing every token's `lead + text`
 * in order reproduces the source byte for byte.
 */

export const enum TK {
  EOF,
  Newline,
  Ident,
  Number,
  OBrace,
  CBrace,
  OBrack,
  CBrack,
  OParen,
  CParen,
  Comma,
  Dot,
  Ellipsis,
  Equal,
  Colon,
  DoubleColon,
  Question,
  FatArrow,
  Star,
  Plus,
  Minus,
  Slash,
  Percent,
  EqualEqual,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  And,
  Or,
  Bang,
  /** `"` opening a quoted template. */
  OQuote,
  /** `"` closing a quoted template. */
  CQuote,
  /** `<<EOT` or `<<-EOT` including the newline that ends the opener line. */
  OHeredoc,
  /** The heredoc's closing marker line, with its indentation, without the newline after it. */
  CHeredoc,
  /** Literal text of a template, as written (escapes not yet decoded). */
  TemplateLiteral,
  /** `${` or `${~`. */
  TemplateInterp,
  /** `%{` or `%{~`. */
  TemplateControl,
  /** `}` or `~}` closing an interpolation or a directive. */
  TemplateSeqEnd,
  /** Bytes that are not valid HCL; the parser turns it into a diagnostic. */
  Invalid,
}

export interface Token {
  kind: TK;
  /** The token's own source text. */
  text: string;
  /** Whitespace and comments before the token (newlines too, where the parser folds insignificant ones in). */
  lead: string;
  /** UTF-16 offset of `text` in the source, or -1 for a token an edit created. */
  pos: number;
}

/**
 * The one runtime shape of every token. A class (rather than object
 * literals) keeps property access monomorphic and lets `isToken` be a cheap
 * `instanceof`, which matters: printing visits every token.
 */
export class TokenImpl implements Token {
  constructor(
    public kind: TK,
    public text: string,
    public lead: string,
    public pos: number,
  ) {}
}

export function makeToken(kind: TK, text: string, lead = "", pos = -1): Token {
  return new TokenImpl(kind, text, lead, pos);
}

const NAMES: Record<number, string> = {
  [TK.EOF]: "end of file",
  [TK.Newline]: "newline",
  [TK.Ident]: "identifier",
  [TK.Number]: "number",
  [TK.OBrace]: "'{'",
  [TK.CBrace]: "'}'",
  [TK.OBrack]: "'['",
  [TK.CBrack]: "']'",
  [TK.OParen]: "'('",
  [TK.CParen]: "')'",
  [TK.Comma]: "','",
  [TK.Dot]: "'.'",
  [TK.Ellipsis]: "'...'",
  [TK.Equal]: "'='",
  [TK.Colon]: "':'",
  [TK.DoubleColon]: "'::'",
  [TK.Question]: "'?'",
  [TK.FatArrow]: "'=>'",
  [TK.Star]: "'*'",
  [TK.Plus]: "'+'",
  [TK.Minus]: "'-'",
  [TK.Slash]: "'/'",
  [TK.Percent]: "'%'",
  [TK.EqualEqual]: "'=='",
  [TK.NotEqual]: "'!='",
  [TK.Less]: "'<'",
  [TK.LessEqual]: "'<='",
  [TK.Greater]: "'>'",
  [TK.GreaterEqual]: "'>='",
  [TK.And]: "'&&'",
  [TK.Or]: "'||'",
  [TK.Bang]: "'!'",
  [TK.OQuote]: "'\"'",
  [TK.CQuote]: "'\"'",
  [TK.OHeredoc]: "heredoc",
  [TK.CHeredoc]: "heredoc end marker",
  [TK.TemplateLiteral]: "template text",
  [TK.TemplateInterp]: "'${'",
  [TK.TemplateControl]: "'%{'",
  [TK.TemplateSeqEnd]: "'}'",
  [TK.Invalid]: "invalid character",
};

export function describeToken(t: Token): string {
  if (t.kind === TK.Ident) return `'${t.text}'`;
  if (t.kind === TK.Invalid) return `invalid character '${t.text}'`;
  return NAMES[t.kind] ?? "token";
}
