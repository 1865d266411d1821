// The Feishu Open Platform SDK for Swift.
//
// `import Feishu` also brings in the wire contract (``APICode``, ``UserIDType``,
// the Hire models such as ``Interviewer`` and ``TalentInterview``), so callers
// need one import only.
@_exported import FeishuWire
