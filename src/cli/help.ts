/** `--help` texts, in Chinese, one per command. */

export const MAIN_HELP = `绩效自评助手 命令行（jixiao）：不用 Excel 也能生成、校验、定稿部门整体支出绩效自评表

用法：jixiao <命令> [参数] [选项]

命令：
  template OUT.xlsx     生成空白的附件1、附件2、附件3 表格（内置公式，Excel/WPS/LibreOffice 都能计算）；
                        加 --final-accounts 生成部门决算公开的九张表
  check FILE.xlsx       校验一个工作簿，列出每个问题所在的工作表和单元格
  check DIR             批量校验文件夹里的所有工作簿（多线程并行），输出汇总表
  report FILE.xlsx --docx OUT.docx | --txt
                        由表格生成自评报告：Word 文档（GB/T 9704 公文版式）或纯文本；
                        加 --final-accounts 由决算公开表生成《部门决算情况说明》
  finalize IN OUT       定稿：把 JX 自定义函数公式换成内置公式或数值，便于报送
  import MODEL.json OUT.xlsx   由模型 JSON 生成填好数字的工作簿
  export FILE.xlsx MODEL.json  把工作簿里的表格数据导出为模型 JSON
  help [命令]           显示帮助

每个命令都可加 --help 查看详细说明，例如：jixiao check --help

退出码：0 没有错误；1 校验发现「错误」级问题；2 文件无法读取（不是 .xlsx、已损坏、设置了密码、空文件、没有自评表格）；3 命令用法有误。`;

export const HELP: Record<string, string> = {
  template: `用法：jixiao template OUT.xlsx [--unit 单位名称] [--year 年度] [--projects 项目数] [--funds 专项资金行数] [--preset 方案] [--jx] [--force]
      jixiao template OUT.xlsx --final-accounts [--unit 单位名称] [--year 年度] [--numbering 2022|pre2022] [--force]

生成空白的《附件1 部门整体支出绩效评价基础数据表》《附件2 部门整体支出绩效自评表》和若干张《附件3 项目支出绩效自评表》。
黄色底色的单元格由填表人填写，灰色底色的单元格是公式自动计算的（控制率、执行率、得分、合计、总分、等级）；
底色只在格子空着时显示，填好的表打印出来不带底色。输入之前，计算格一律空白（不显示 0.00、#DIV/0! 或等级）。
各表已按 A4 设好打印：附件1、报告素材纵向，附件2、附件3 横向，一页宽、按需多页，指标表头每页重复。
公式默认只用 Excel 内置函数，没有安装加载项的 Excel、WPS 表格和 LibreOffice 都能计算。

选项：
  --unit 名称       单位名称，写入自评表和项目表
  --year 年度       评价年度，默认为去年（例如 2024）
  --projects N      附件3 项目表的张数，默认 0（不要项目表；有项目时写明张数）
  --funds N         附件1 中专项资金的行数，默认按模板
  --preset 方案     评分方案和表样（docs/presets.md）：hunan-2024（默认）、national-2020、suining-2024、hunan-steps、
                    hubei-2019、sichuan-2022、yunnan-2022（金额单位元）、guizhou-2021；表样按方案自己的列序生成
  --jx              公式改用加载项的 JX 自定义函数（需要在 Excel 中加载「绩效自评助手」）
  --force           OUT.xlsx 已存在时覆盖
  --final-accounts  改为生成部门决算公开的九张表（公开01 收入支出决算总表 …… 公开09 财政拨款“三公”经费支出决算表）
  --numbering 编号  决算表的编号：2022（默认，07政府性基金、08国有资本经营、09三公）或 pre2022（07三公）

示例：jixiao template 2024自评表.xlsx --unit 湖南省政务服务和大数据中心 --year 2024 --projects 3
      jixiao template 2024决算公开.xlsx --final-accounts --unit 株洲市天元区数据局 --year 2024`,

  check: `用法：jixiao check FILE.xlsx [--json] [--preset 方案] [--text 情况说明.docx]
      jixiao check DIR [--json | --csv] [--jobs N] [--preset 方案]

校验工作簿中的附件1、附件2、附件3：表内合计、表间一致（如自评表的控制率与基础数据表）、执行率与得分、总分与等级、
填写格式（金额、百分比、占位符）等。每条问题注明工作表、单元格、应为多少、实际多少。
工作簿里的「自评报告」工作表（jixiao report 或加载项生成的、改过的、从上年复制来的）也与表格核对：
数字与表格不符、留有 ××、XX 占位符等。「报告素材」表不参与校验。
部门决算公开的九张表（按表名识别，不论编号、不论放在哪张工作表）也逐表、表间核对（FA.* 规则）；
「决算情况说明」工作表，或用 --text 给出的情况说明（.docx 或 .txt），逐句与决算表核对金额、占比、增减和完成率。
级别：错误（数字互相矛盾）、警告（很可能有误或需要说明）、提示（值得再看一眼，如 0.01 的尾数差）。

给出文件夹时，校验其中（含子文件夹）所有 .xlsx/.xlsm 文件，按 CPU 核数多线程并行；在终端里显示进度条；
最后输出汇总表：文件、单位、年度、总分、等级、错误/警告/提示条数。某个文件无法读取时会单独列出，其余照常校验。

选项：
  --json            以 JSON 输出（单个文件：全部问题；文件夹：每个文件的结果和汇总）
  --text 文件       （仅单个文件）与工作簿放在一起的部门决算情况说明（.docx 或 .txt），与其中的决算表核对
  --csv             （仅文件夹）以 CSV 输出汇总表，带 BOM，可直接用 Excel 打开
  --jobs N          （仅文件夹）并行线程数，默认为 CPU 核数；1 表示不用多线程
  --preset 方案     评分方案：hunan-2024（默认，按全年预算、比例计分、90 分及以上为优）、national-2020、
                    suining-2024（大于 90 分为优秀）、hunan-steps（按年初预算、每差 5% 扣 2 分）、
                    hubei-2019、sichuan-2022、yunnan-2022、guizhou-2021（docs/presets.md）
                    表格按表头读取，不要求是本工具的模板；输出中注明识别出的版式和无法核对的项目。

退出码：0 没有错误；1 有「错误」级问题；2 有文件无法读取（不是 .xlsx、已损坏、设置了密码、空文件、没有自评表格）；3 用法有误。`,

  report: `用法：jixiao report FILE.xlsx --docx OUT.docx [--preset 方案] [--force]
      jixiao report FILE.xlsx --txt [--preset 方案]
      jixiao report FILE.xlsx --final-accounts --docx OUT.docx | --txt

由工作簿中的附件1、附件2、附件3 和「报告素材」表生成部门整体支出绩效自评报告，报告里的每个数字都取自表格或由表格算出：
收支总额和构成、与上年相比的增减、在职人员控制率、三公经费预算与决算、公用经费和人员经费、预算执行率、
各项目的得分、总分和评价等级。报告分十部分（一、基本情况 …… 十、其他需要说明的情况）。
职能职责、机构设置、主要成绩、存在的问题、改进措施等只有本单位知道的内容取自「报告素材」表
（jixiao template 生成的工作簿带有这张表）；没有填写的地方在报告中标为「待填写」。

先按 jixiao check 的规则校验表格：有「错误」级问题时，先在屏幕上提示，报告照常生成，
但报告开头会有一段醒目的提示，说明数字取自表格、更正之前可能与实际不符。

选项：
  --docx OUT.docx   生成 Word 文档：A4，GB/T 9704 公文版式（标题方正小标宋简体二号，正文仿宋_GB2312 三号，
                    一级标题黑体、二级标题楷体，每页 22 行、每行 28 字，页码「— 1 —」）
  --txt             以纯文本输出到屏幕（可用 > 重定向到文件）；提示信息输出到标准错误，不混入正文
  --preset 方案     评分方案（决定等级和执行率得分）：hunan-2024（默认）等，见 jixiao check --help
  --force           OUT.docx 已存在时覆盖
  --final-accounts  改为由部门决算公开表生成《部门决算情况说明》（十五部分和名词解释；.docx 前附九张表）；
                    上年数、年初预算、原因等表格中没有的内容标为【请填写】

退出码：0 已生成（表格有错误时也是 0，但会提示）；2 文件无法读取；3 用法有误（如 --docx 和 --txt 都没给）。

示例：jixiao report 2024自评表.xlsx --docx 2024年度部门整体支出绩效自评报告.docx`,

  finalize: `用法：jixiao finalize IN.xlsx OUT.xlsx [--preset 方案] [--force]

定稿报送：把 IN.xlsx 中调用 JX 自定义函数的公式改写为等价的 Excel 内置公式（保留已算出的结果），
没有等价内置函数的（如 JX.AMOUNT、JX.SCORE、JX.CHANGETEXT）改为它们已算出的数值；
读的是文字金额（如「24,964.59万元」，内置公式算不出）的，也改为数值并列出。
只改这些单元格：文件的其余部分（图表、数据透视表、宏、名称、保护、批注、数据验证、你自己的表）逐字节保留。
结果写入 OUT.xlsx（先写临时文件再替换，失败时原有文件不变），IN.xlsx 不变。
没有保存计算结果的 JX 公式无法定稿，会列出并以退出码 1 结束。

选项：
  --preset 方案     JX.EXECSCORE/JX.GRADE 改写时采用的评分方案，默认 hunan-2024
  --force           OUT.xlsx 已存在时覆盖`,

  import: `用法：jixiao import MODEL.json OUT.xlsx [--preset 方案] [--force]

由模型 JSON 生成工作簿：附件1、附件2、每个项目的附件3 和「报告素材」表，填入模型里的数字和文字；
模型中空白（null）的计算项写入内置公式。模型格式见 docs/model.schema.json（JSON Schema 2020-12），
不符合格式时指出出错的位置（如 $.basic.staff.actual）和应填的内容。

示例：jixiao import examples/seed-003-湖南省政务服务和大数据中心-2024.json 003.xlsx`,

  export: `用法：jixiao export FILE.xlsx MODEL.json [--force]

把工作簿中识别到的附件1、附件2、附件3 的数据和「报告素材」表的文字（material）导出为模型 JSON
（格式见 docs/model.schema.json），供预算系统等其他系统使用。公式单元格导出其已算出的结果。`,
};
