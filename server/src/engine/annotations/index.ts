/**
 * The annotation engine: sidecar files (`<letter>.annotations.yaml`), anchoring of annotations to the letter's
 * text, and exports. Pure: no Node built-ins, no editor, no LSP; the host reads and writes files.
 */
export type { Annotation, AnnotationTarget, Sidecar, SidecarDocumentInfo, SidecarProblem, TextRange } from './types';
export { createOffsetConverter, codePointToUtf16Offset, utf16ToCodePointOffset, snapRangeToCodePoints } from './offsets';
export type { OffsetConverter } from './offsets';
export { parseSidecar } from './sidecarParse';
export type { InvalidSidecar, ParsedSidecar, SidecarParseResult } from './sidecarParse';
export { createSidecarText, compareAnnotationsByPosition } from './sidecarRender';
export type { CreateSidecarOptions } from './sidecarRender';
export { addAnnotation, updateAnnotation, updateAnnotations, removeAnnotation, renameTag, setDocumentFile, setLetterSymbol, storePositions } from './sidecarEdit';
export type { AnnotationChanges, PositionUpdate, SidecarEditResult } from './sidecarEdit';
export { annotationAtRange, createAnnotation, retargetAnnotation, targetForRange, generateAnnotationId, DEFAULT_CONTEXT_LENGTH } from './annotationTarget';
export type { CreateAnnotationOptions } from './annotationTarget';
export { reanchorAnnotation, reanchorAnnotations, annotationAfterReanchor, prepareLetterForAnchoring, ANCHOR_ACCEPT_THRESHOLD, MAX_FUZZY_ERROR_RATE } from './reanchor';
export type { AnchorMethod, AnchoringIndex, ReanchorResult } from './reanchor';
export { shiftRangeThroughEdit, applyTextEditsToAnnotations } from './editTracking';
export type { TextReplacement, TrackedRange } from './editTracking';
export { anchorEvidence, CONTEXT_SIDE_FLOOR } from './anchorScoring';
export { placeAnnotations, orphansOf } from './placement';
export type { PlacedAnnotation } from './placement';
export { letterAnnotationFindings, sidecarFileFindings, sidecarWithoutLetterFinding, unusableSidecarMessage } from './annotationDiagnostics';
export type { SidecarCondition } from './annotationDiagnostics';
export { findLetterForSidecar } from './relink';
export type { RelinkCandidate, RelinkVerdict } from './relink';
export { toW3C, toCsv, toBrat, csvField, CSV_COLUMNS } from './exportFormats';
export type { BratDocument, CsvColumn, CsvRow, ExportedLetter, ExportedLetterIdentity, W3cAnnotationCollection } from './exportFormats';
export { annotationsAsTheyStand, isExportFormat, packageExport } from './exportPackaging';
export type { AnnotationExportFormat, ExportFile, ExportOptions, ExportPackage } from './exportPackaging';
export { normaliseHexColour, readTagVocabulary, setTagColour, TAG_VOCABULARY_PATH } from './tagVocabulary';
export type { TagDefinition, TagVocabulary, VocabularyEditResult } from './tagVocabulary';
