import Feishu
import Foundation

/// Text for people: names in both languages, local times, integer codes with their meanings.
struct HumanFormat {
    let timeZone: TimeZone

    /// `段誉 (Yu Duan)`, either name alone if the other is missing, else `nil`.
    static func name(_ text: I18nText?) -> String? {
        let zh = text?.zhCN.flatMap { $0.isEmpty ? nil : $0 }
        let en = text?.enUS.flatMap { $0.isEmpty ? nil : $0 }
        switch (zh, en) {
        case (let zh?, let en?): return zh == en ? zh : "\(zh) (\(en))"
        case (let zh?, nil): return zh
        case (nil, let en?): return en
        case (nil, nil): return nil
        }
    }

    /// A user reference: the name, and the ID after it.
    static func person(_ reference: IDName?) -> String? {
        guard let reference else { return nil }
        switch (name(reference.name), reference.id) {
        case (let name?, let id?): return "\(name) <\(id)>"
        case (let name?, nil): return name
        case (nil, let id?): return id
        case (nil, nil): return nil
        }
    }

    /// `2 (verified)`; an unknown value is shown as the bare number.
    static func code(_ code: (some OpenCode)?) -> String { code.map(\.description) ?? "-" }

    /// `2024-05-01 14:30` in the local zone.
    func time(_ date: Date?) -> String {
        guard let date else { return "?" }
        return formatter("yyyy-MM-dd HH:mm").string(from: date)
    }

    /// A span, leaving out the end's date when it is the start's.
    func span(_ start: Date?, _ end: Date?) -> String {
        guard let end else { return time(start) }
        guard let start else { return "? – \(time(end))" }
        let day = formatter("yyyy-MM-dd")
        let endText = day.string(from: start) == day.string(from: end) ? formatter("HH:mm").string(from: end) : time(end)
        return "\(time(start)) – \(endText)"
    }

    /// The zone's name and offset, e.g. `Asia/Shanghai, UTC+08:00`.
    var zoneDescription: String {
        let seconds = timeZone.secondsFromGMT()
        let sign = seconds < 0 ? "-" : "+"
        let hours = abs(seconds) / 3600
        let minutes = abs(seconds) % 3600 / 60
        return "\(timeZone.identifier), UTC\(sign)\(String(format: "%02d:%02d", hours, minutes))"
    }

    func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }

    // MARK: Interviewers

    /// The interviewers as a table of user ID and status.
    static func interviewerTable(_ interviewers: [Interviewer]) -> String {
        var table = TextTable(["USER ID", "VERIFY STATUS"])
        for interviewer in interviewers {
            table.append([interviewer.userID ?? "-", code(interviewer.verifyStatus)])
        }
        return table.rendered()
    }

    // MARK: Interviews

    /// A talent's interviews: a timeline per application, oldest interview first.
    func timeline(talentID: String, applications: [TalentInterview]) -> String {
        let count = applications.reduce(0) { $0 + ($1.interviewList?.count ?? 0) }
        return document(
            "Talent \(talentID): \(plural(applications.count, "application")), \(plural(count, "interview"))",
            applications)
    }

    /// The interviews of a listing: a timeline per application, in the order the applications come.
    func interviewList(_ interviews: [Interview]) -> String {
        guard !interviews.isEmpty else { return "No interviews.\n" }
        var applications: [TalentInterview] = []
        for interview in interviews {
            if let index = applications.firstIndex(where: { $0.applicationID == interview.applicationID }) {
                applications[index].interviewList?.append(interview)
            } else {
                applications.append(TalentInterview(applicationID: interview.applicationID, interviewList: [interview]))
            }
        }
        return document(plural(interviews.count, "interview"), applications)
    }

    /// An application's interviews in the historic model, as a timeline.
    func applicationInterviews(applicationID: String, _ interviews: [ApplicationInterview]) -> String {
        let list = interviews.map { item in
            var interview = Interview(id: item.id)
            interview.beginTime = item.beginTime
            interview.endTime = item.endTime
            interview.round = item.round
            interview.stageID = item.stageID
            interview.interviewRecordList = item.interviewRecordList
            return interview
        }
        return document(
            "Application \(applicationID): \(plural(list.count, "interview"))",
            [TalentInterview(applicationID: applicationID, interviewList: list)], headings: false)
    }

    /// `title` with the time zone, then each application's interviews, oldest first
    /// (under an `Application …` heading unless `headings` is false).
    private func document(_ title: String, _ applications: [TalentInterview], headings: Bool = true) -> String {
        var lines = ["\(title) (times in \(zoneDescription))"]
        for application in applications {
            lines.append("")
            if headings { lines.append("Application \(application.applicationID ?? "?")") }
            let interviews = (application.interviewList ?? []).sorted {
                ($0.beginTime ?? .max, $0.id ?? "") < ($1.beginTime ?? .max, $1.id ?? "")
            }
            if interviews.isEmpty { lines.append("  (no interviews)") }
            for interview in interviews { lines += self.interview(interview) }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    private func interview(_ interview: Interview) -> [String] {
        var title = "  ● \(span(interview.beginDate, interview.endDate))"
        if let round = Self.name(interview.interviewRoundType?.name) { title += "  \(round)" }
        if let round = interview.round { title += "  (round \(round))" }
        var lines = [title]
        func detail(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("      \(label): \(value)")
        }
        detail("interview", interview.id)
        detail("stage", Self.name(interview.stage?.name) ?? interview.stageID)
        detail("result", interview.interviewRoundSummary.map(Self.code))
        detail("creator", Self.person(interview.creator))
        let contact = [Self.person(interview.contactUser), interview.contactMobile].compactMap { $0 }
        detail("contact", contact.isEmpty ? nil : contact.joined(separator: ", "))
        detail("where", address(interview.address))
        detail("rooms", rooms(interview.meetingRoomList))
        detail("talent's time zone", interview.talentTimeZone.map { $0.code ?? Self.name($0.name) ?? "?" })
        detail("remark", interview.remark)
        for record in interview.interviewRecordList ?? [] { lines += self.record(record, indent: "      ") }
        return lines
    }

    // MARK: Interview records

    /// One record in full: who, the verdict, the job levels and the feedback.
    func recordDetail(_ record: InterviewRecord) -> String {
        var lines = ["Interview record \(record.id ?? "?") (times in \(zoneDescription))"]
        lines += self.record(record, indent: "  ")
        let levels = [record.minJobLevelID, record.maxJobLevelID].compactMap { $0 }
        if !levels.isEmpty { lines.append("  job level: \(levels.joined(separator: " – "))") }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Records as a table: ID, interviewer, conclusion, feedback status and when it was submitted.
    func recordTable(_ records: [InterviewRecord]) -> String {
        guard !records.isEmpty else { return "No interview records.\n" }
        var table = TextTable(["RECORD ID", "INTERVIEWER", "CONCLUSION", "FEEDBACK", "SUBMITTED"])
        for record in records {
            table.append([
                record.id ?? "-", Self.person(record.interviewer) ?? record.userID ?? "-", Self.code(record.conclusion),
                Self.code(record.commitStatus), record.feedbackSubmitDate.map(time) ?? "-",
            ])
        }
        return table.rendered()
    }

    /// A record's lines: `feedback of …` at `indent`, its text below, two columns further in.
    private func record(_ record: InterviewRecord, indent: String) -> [String] {
        let who = Self.person(record.interviewer) ?? record.userID ?? "?"
        var parts = ["conclusion \(Self.code(record.conclusion))", "feedback \(Self.code(record.commitStatus))"]
        if let score = record.interviewScore {
            var text = "score \(score.level.map(String.init) ?? score.zhName ?? score.enName ?? "?")"
            if let description = score.zhDescription ?? score.enDescription { text += " (\(description))" }
            parts.append(text)
        }
        if let assessment = record.assessmentScore, let score = assessment.score {
            let number = score == score.rounded() && abs(score) < 1e15 ? String(Int64(score)) : String(score)
            parts.append("assessment \(number)\(assessment.fullScore.map { "/\($0)" } ?? "")")
        }
        if let submitted = record.feedbackSubmitDate { parts.append("submitted \(time(submitted))") }
        var lines = ["\(indent)feedback of \(who): " + parts.joined(separator: ", ")]
        if let content = record.content, !content.isEmpty {
            lines += content.split(separator: "\n", omittingEmptySubsequences: false).map { "\(indent)  “\($0)”" }
        }
        return lines
    }

    private func address(_ address: InterviewAddress?) -> String? {
        guard let address else { return nil }
        let region = [address.city, address.district].compactMap { Self.name($0?.name) }
        let parts = [Self.name(address.name), region.isEmpty ? nil : region.joined(separator: ", ")].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private func rooms(_ rooms: [MeetingRoom]?) -> String? {
        guard let rooms, !rooms.isEmpty else { return nil }
        return rooms.map { room in
            let place = [room.buildingName, room.floorName.map { "floor \($0)" }].compactMap { $0 }
            let name = room.roomName ?? room.roomID ?? "?"
            return place.isEmpty ? name : "\(name) (\(place.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    // MARK: Round types

    /// The tenant's round types: whether it uses them, then a table.
    static func roundTypes(_ list: InterviewRoundTypeList) -> String {
        let text = "Interview round types: \(code(list.activeStatus))\n"
        guard let items = list.items, !items.isEmpty else { return text + "No round types.\n" }
        var table = TextTable(["ID", "NAME", "PROCESS", "STATUS", "ASSESSMENT TEMPLATE"])
        for item in items {
            table.append([
                item.id ?? "-", name(item.name) ?? "-", code(item.processType), code(item.activeStatus),
                item.interviewAssessmentTemplateInfo.map { name($0.name) ?? $0.id ?? "-" } ?? "-",
            ])
        }
        return text + "\n" + table.rendered()
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
