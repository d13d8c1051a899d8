/**
 * Real-world workbook packages built by hand, part by part, with what users' files hold and a
 * spreadsheet model tends to lose: a VBA project (.xlsm), a chart and its drawing, a pivot cache, names
 * scoped to a sheet and hidden names, a constant name, workbook-structure and sheet protection with a
 * legacy password, a comment, data validation, an internal hyperlink, a sparkline group (x14 extLst),
 * custom document properties, a calcChain; and JX formulas in every spelling Excel may store (typed,
 * _xldudf_, _xlfn., lower case, shared and array formulas).
 */
import { makeZip } from "./helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Shared strings of the corpus (index → text). */
export const STRINGS = ["三公经费", "6.25万元", "=JX.RATE(1,4) 示例", "我的备注"];

/**
 * The cells of sheet 1 "表", as stored (cached values typed in by hand):
 * B1 10.41, C1 60.5; D1 =JX.RATE(B1,C1) 0.1721 (10.41/60.5 = 0.17206… → 0.1721);
 * E1 =JX.CHANGETEXT(B1,C1) "减少 50.09万元" (no native twin → its value);
 * B2..B4 1, 2, 4; C2:C4 a shared group JX.RATE(B2,8): 0.125, 0.25, 0.5;
 * D2 _xlfn._xldudf_JX_RATE(B2,4) = 0.25; E2 jx.rate(B2,5) = 0.2; D3 array _xldudf_JX.SHARE(B3,4) = 0.5;
 * E3 SUM(B1:B4) = 10.41+1+2+4 = 17.41 (not JX: untouched);
 * D4 the text amount "6.25万元"; E4 =JX.RATE(D4,100) = 0.0625 (JX reads the text; the twin would not → value);
 * A5 the text "=JX.RATE(1,4) 示例" (quote-prefixed: text, not a formula);
 * B5 =JX.CHANGETEXT(B1,C1) with no cached value (cannot become a value: kept, listed);
 * C5 ="JX.RATE(B1,C1)"&"!" (JX only inside a string literal: untouched).
 */
export const JX_CELLS = ["D1", "E1", "C2", "D2", "E2", "D3", "E4", "B5"];

function sheet1(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:E5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="30.7109375" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>10.41</v></c><c r="C1"><v>60.5</v></c><c r="D1" s="1"><f>JX.RATE(B1,C1)</f><v>0.1721</v></c><c r="E1" t="str"><f>JX.CHANGETEXT(B1,C1)</f><v>减少 50.09万元</v></c></row>
<row r="2" spans="1:5"><c r="B2"><v>1</v></c><c r="C2" s="1"><f t="shared" ref="C2:C4" si="0">JX.RATE(B2,8)</f><v>0.125</v></c><c r="D2"><f>_xlfn._xldudf_JX_RATE(B2,4)</f><v>0.25</v></c><c r="E2"><f>jx.rate(B2,5)</f><v>0.2</v></c></row>
<row r="3" spans="1:5"><c r="B3"><v>2</v></c><c r="C3" s="1"><f t="shared" si="0"/><v>0.25</v></c><c r="D3"><f t="array" ref="D3">_xldudf_JX.SHARE(B3,4)</f><v>0.5</v></c><c r="E3"><f>SUM(B1:B4)</f><v>17.41</v></c></row>
<row r="4" spans="1:5"><c r="B4"><v>4</v></c><c r="C4" s="1"><f t="shared" si="0"/><v>0.5</v></c><c r="D4" t="s"><v>1</v></c><c r="E4"><f>JX.RATE(D4,100)</f><v>0.0625</v></c></row>
<row r="5" spans="1:5"><c r="A5" s="2" t="s"><v>2</v></c><c r="B5"><f>JX.CHANGETEXT(B1,C1)</f></c><c r="C5" t="str"><f>"JX.RATE(B1,C1)"&amp;"!"</f><v>JX.RATE(B1,C1)!</v></c></row>
</sheetData><sheetProtection algorithmName="SHA-512" hashValue="x3cbG6u7P5OVCbz8jaDv5Q==" saltValue="2Vx4mGq0mmHc2JpN1tN1dQ==" spinCount="100000" sheet="1" objects="1" scenarios="1" password="CC1A"/><mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells><dataValidations count="1"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="B2:B4 B1"><formula1>0</formula1><formula2>1000</formula2></dataValidation></dataValidations><hyperlinks><hyperlink ref="A1" location="'我的'!A1" display="我的"/></hyperlinks><printOptions horizontalCentered="1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" fitToHeight="0" orientation="portrait"/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>表!B1:B4</xm:f><xm:sqref>A2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>`;
}

function sheet2(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1"><f>小计*2</f><v>222</v></c></row><row r="2"><c r="A2"><v>111</v></c><c r="B2"><f>表!B1*税率</f><v>0.6246</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

export interface CorpusOptions {
  /** An .xlsm with a vbaProject.bin part. */
  macro?: boolean;
}

/** The parts of the corpus package (name → content); binary parts as Buffer. */
export function corpusParts(opts: CorpusOptions = {}): Record<string, string | Buffer> {
  const wbType = opts.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const parts: Record<string, string | Buffer> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ""}<Override PartName="/xl/workbook.xml" ContentType="${wbType}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    "docProps/custom.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property></Properties>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/><workbookProtection lockStructure="1" workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="表" sheetId="1" r:id="rId1"/><sheet name="我的" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">表!$1:$1</definedName><definedName name="小计" localSheetId="0">表!$B$1</definedName><definedName name="小计" localSheetId="1">我的!$A$2</definedName><definedName name="隐藏的" hidden="1">表!$B$2</definedName><definedName name="税率">0.06</definedName></definedNames><calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId6"/></pivotCaches></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId5" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId6" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>${opts.macro ? `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : ""}</Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${MAIN}" count="${STRINGS.length}" uniqueCount="${STRINGS.length}">${STRINGS.map((s) => `<si><t>${s.replace(/&/g, "&amp;")}</t></si>`).join("")}</sst>`,
    "xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<calcChain xmlns="${MAIN}"><c r="D1" i="1"/><c r="E1"/><c r="C2"/><c r="D2"/><c r="E2"/><c r="C3"/><c r="D3" a="1"/><c r="E3"/><c r="C4"/><c r="E4"/><c r="B5"/><c r="C5"/><c r="B1" i="2"/><c r="B2"/></calcChain>`,
    "xl/worksheets/sheet1.xml": sheet1(),
    "xl/worksheets/sheet2.xml": sheet2(),
    "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    "xl/comments1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="${MAIN}"><authors><author>李会计</author></authors><commentList><comment ref="B1" authorId="0"><text><r><t>李会计:</t></r><r><t xml:space="preserve">
编制数待人事科确认</t></r></text></comment></commentList></comments>`,
    "xl/drawings/vmlDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Anchor>2, 15, 0, 2, 4, 15, 4, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
    "xl/drawings/drawing1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    "xl/drawings/_rels/drawing1.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    "xl/charts/chart1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>表!$B$1:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    "xl/pivotCache/pivotCacheDefinition1.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${MAIN}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="B1:B4" sheet="表"/></cacheSource><cacheFields count="1"><cacheField name="值" numFmtId="0"><sharedItems containsNumber="1" minValue="1" maxValue="10.41"/></cacheField></cacheFields></pivotCacheDefinition>`,
  };
  if (opts.macro) {
    // Not a real VBA project: bytes that must come out exactly as they went in.
    const bin = Buffer.alloc(2048);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919 + 13) & 0xff;
    parts["xl/vbaProject.bin"] = bin;
  }
  return parts;
}

/** The corpus as an .xlsx/.xlsm file's bytes (stored zip entries). */
export function corpusWorkbook(opts: CorpusOptions = {}): Buffer {
  return makeZip(corpusParts(opts));
}
