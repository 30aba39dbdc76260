/** Generated from packages/schema/schema.graphql: each enum value with its Chinese and English label. */
export const ENUM_LABELS = {
  "ActivityKind": {
    "HEALTH_SCREENING": {
      "zh": "妇女病普查",
      "en": "Women’s health screening"
    },
    "HOME_VISIT": {
      "zh": "入户走访",
      "en": "Home visits"
    },
    "MARKET_FAIR": {
      "zh": "集市宣传咨询",
      "en": "Outreach at a rural market"
    },
    "MEMBER_DAY": {
      "zh": "“5·29”会员活动日",
      "en": "\"5·29\" member day"
    },
    "OTHER": {
      "zh": "其他",
      "en": "Other"
    },
    "POPULATION_DAY": {
      "zh": "“7·11”世界人口日",
      "en": "\"7·11\" World Population Day"
    },
    "TRAINING": {
      "zh": "培训",
      "en": "Training"
    }
  },
  "ActivitySortField": {
    "CREATED": {
      "zh": "录入时间",
      "en": "When it was recorded"
    },
    "HELD_ON": {
      "zh": "活动日期",
      "en": "Date held"
    }
  },
  "AmountUnit": {
    "PER_EVENT": {
      "zh": "每次",
      "en": "Per event"
    },
    "PER_PERSON_MONTH": {
      "zh": "每人每月",
      "en": "Per person per month"
    },
    "PER_PERSON_YEAR": {
      "zh": "每人每年",
      "en": "Per person per year"
    }
  },
  "AssociationKind": {
    "COMMUNITY": {
      "zh": "社区计生协",
      "en": "Community association"
    },
    "ENTERPRISE": {
      "zh": "企业计生协",
      "en": "Enterprise association"
    },
    "FLOATING_POPULATION": {
      "zh": "流动人口计生协",
      "en": "Floating-population association"
    },
    "REGIONAL": {
      "zh": "县、乡镇计生协",
      "en": "County or township association"
    },
    "VILLAGE": {
      "zh": "村计生协",
      "en": "Village association"
    }
  },
  "AssociationLevel": {
    "COUNTY": {
      "zh": "县（区）级",
      "en": "County"
    },
    "TOWNSHIP": {
      "zh": "乡镇（街道）级",
      "en": "Township"
    },
    "VILLAGE": {
      "zh": "村（社区）级",
      "en": "Village or community"
    }
  },
  "AssociationSortField": {
    "CODE": {
      "zh": "CODE",
      "en": "CODE"
    },
    "FOUNDED_ON": {
      "zh": "FOUNDED_ON",
      "en": "FOUNDED_ON"
    },
    "NAME": {
      "zh": "NAME",
      "en": "NAME"
    }
  },
  "AssociationStanding": {
    "ADVANCED": {
      "zh": "先进协会",
      "en": "Advanced association"
    },
    "MODEL": {
      "zh": "示范协会",
      "en": "Model association"
    },
    "NOMINAL": {
      "zh": "挂牌协会",
      "en": "Nominal only"
    },
    "ORDINARY": {
      "zh": "一般协会",
      "en": "Ordinary association"
    }
  },
  "AuditChainProblem": {
    "GAP": {
      "zh": "此行之前缺行（被删除或改号）/ Rows are missing before this one (deleted or renumbered)",
      "en": "此行之前缺行（被删除或改号）/ Rows are missing before this one (deleted or renumbered)"
    },
    "HEAD": {
      "zh": "链尾与记录的链头不符（末尾的行被删除，或链头被改动）/ The last row is not the recorded head (rows removed from the end, or the head altered)",
      "en": "链尾与记录的链头不符（末尾的行被删除，或链头被改动）/ The last row is not the recorded head (rows removed from the end, or the head altered)"
    },
    "PREV_LINK": {
      "zh": "此行记录的前一行摘要与前一行不符",
      "en": "This row’s link does not match the row before it"
    },
    "ROW_HASH": {
      "zh": "此行内容与其摘要不符（被改动）/ This row’s content does not match its digest (altered)",
      "en": "此行内容与其摘要不符（被改动）/ This row’s content does not match its digest (altered)"
    },
    "UNCHAINED": {
      "zh": "有一行未进入链（绕过触发器写入）/ A row never joined the chain (written around the chain trigger)",
      "en": "有一行未进入链（绕过触发器写入）/ A row never joined the chain (written around the chain trigger)"
    }
  },
  "AwardCategory": {
    "ADVANCED_INDIVIDUAL": {
      "zh": "先进个人",
      "en": "Advanced individual"
    },
    "ADVANCED_UNIT": {
      "zh": "先进集体（协会）",
      "en": "Advanced unit (an association)"
    },
    "EXCELLENT_MEMBER": {
      "zh": "优秀会员",
      "en": "Excellent member"
    },
    "EXCELLENT_VOLUNTEER": {
      "zh": "优秀志愿者",
      "en": "Excellent volunteer"
    }
  },
  "DataQualityCheck": {
    "CONTRADICTION": {
      "zh": "自相矛盾：独生子女户多个子女、双女户有儿子、长辈不比晚辈年长、已故仍为会员",
      "en": "Contradictions in households and rosters"
    },
    "MEMBER_WITHOUT_CONTACT_HOUSEHOLD": {
      "zh": "会员没有联系户",
      "en": "Member keeps no contact household"
    },
    "MISSING_REQUIRED": {
      "zh": "缺少必要信息：人员无户、户无成员、协会无会长、会员无会员证号",
      "en": "Missing: person without household, household without members, association without president, member without card number"
    },
    "MOVED_AWAY_STILL_LISTED": {
      "zh": "迁出两年以上仍在户内或仍为会员",
      "en": "Moved away over two years ago but still listed"
    },
    "NEAR_DUPLICATE": {
      "zh": "疑似重复登记（仅县级）/ Suspected duplicate persons (county only)",
      "en": "疑似重复登记（仅县级）/ Suspected duplicate persons (county only)"
    },
    "NO_ACTIVITY_IN_QUARTER": {
      "zh": "协会该季度没有活动",
      "en": "Association without activity in the quarter"
    }
  },
  "DataQualityEntity": {
    "ASSOCIATION": {
      "zh": "ASSOCIATION",
      "en": "ASSOCIATION"
    },
    "DUPLICATE_FLAG": {
      "zh": "DUPLICATE_FLAG",
      "en": "DUPLICATE_FLAG"
    },
    "HOUSEHOLD": {
      "zh": "HOUSEHOLD",
      "en": "HOUSEHOLD"
    },
    "MEMBER": {
      "zh": "MEMBER",
      "en": "MEMBER"
    },
    "PERSON": {
      "zh": "PERSON",
      "en": "PERSON"
    }
  },
  "DataQualityProblem": {
    "ASSOCIATION_WITHOUT_PRESIDENT": {
      "zh": "ASSOCIATION_WITHOUT_PRESIDENT",
      "en": "ASSOCIATION_WITHOUT_PRESIDENT"
    },
    "DECEASED_ACTIVE_MEMBER": {
      "zh": "DECEASED_ACTIVE_MEMBER",
      "en": "DECEASED_ACTIVE_MEMBER"
    },
    "ELDER_NOT_OLDER": {
      "zh": "ELDER_NOT_OLDER",
      "en": "ELDER_NOT_OLDER"
    },
    "HOUSEHOLD_WITHOUT_MEMBERS": {
      "zh": "HOUSEHOLD_WITHOUT_MEMBERS",
      "en": "HOUSEHOLD_WITHOUT_MEMBERS"
    },
    "MEMBER_WITHOUT_CARD_NUMBER": {
      "zh": "MEMBER_WITHOUT_CARD_NUMBER",
      "en": "MEMBER_WITHOUT_CARD_NUMBER"
    },
    "MOVED_AWAY_ACTIVE_MEMBER": {
      "zh": "MOVED_AWAY_ACTIVE_MEMBER",
      "en": "MOVED_AWAY_ACTIVE_MEMBER"
    },
    "MOVED_AWAY_IN_HOUSEHOLD": {
      "zh": "MOVED_AWAY_IN_HOUSEHOLD",
      "en": "MOVED_AWAY_IN_HOUSEHOLD"
    },
    "NO_ACTIVITY_IN_QUARTER": {
      "zh": "NO_ACTIVITY_IN_QUARTER",
      "en": "NO_ACTIVITY_IN_QUARTER"
    },
    "NO_CONTACT_HOUSEHOLD": {
      "zh": "NO_CONTACT_HOUSEHOLD",
      "en": "NO_CONTACT_HOUSEHOLD"
    },
    "ONLY_CHILD_WITH_SEVERAL_CHILDREN": {
      "zh": "ONLY_CHILD_WITH_SEVERAL_CHILDREN",
      "en": "ONLY_CHILD_WITH_SEVERAL_CHILDREN"
    },
    "PERSON_WITHOUT_HOUSEHOLD": {
      "zh": "PERSON_WITHOUT_HOUSEHOLD",
      "en": "PERSON_WITHOUT_HOUSEHOLD"
    },
    "SAME_NAME_AND_BIRTH_DATE": {
      "zh": "SAME_NAME_AND_BIRTH_DATE",
      "en": "SAME_NAME_AND_BIRTH_DATE"
    },
    "TWO_DAUGHTERS_WITH_SON": {
      "zh": "TWO_DAUGHTERS_WITH_SON",
      "en": "TWO_DAUGHTERS_WITH_SON"
    }
  },
  "DisbursementBatchPurpose": {
    "CORRECTION": {
      "zh": "更正：补发或冲正",
      "en": "Corrections: reissues or reversals"
    },
    "REGULAR": {
      "zh": "按确认名单发放",
      "en": "Paying the confirmed roll"
    }
  },
  "DisbursementBatchStatus": {
    "APPROVED": {
      "zh": "已审批（制单人以外的管理员）/ Approved by an admin other than its maker",
      "en": "已审批（制单人以外的管理员）/ Approved by an admin other than its maker"
    },
    "DRAFT": {
      "zh": "草稿",
      "en": "Draft"
    },
    "EXPORTED": {
      "zh": "已导出付款文件",
      "en": "Payment file exported"
    }
  },
  "DuplicateFlagStatus": {
    "DISTINCT_PERSONS": {
      "zh": "经核查为不同的人",
      "en": "Reviewed: two different people"
    },
    "OPEN": {
      "zh": "待核查",
      "en": "Awaiting review"
    },
    "SAME_PERSON": {
      "zh": "经核查为同一人",
      "en": "Reviewed: the same person entered twice"
    }
  },
  "DuplicateReason": {
    "SAME_NAME_AND_BIRTH_DATE": {
      "zh": "同名同出生日期，身份证号不同",
      "en": "Same name and birth date, different ID numbers"
    }
  },
  "DuplicateResolution": {
    "DISTINCT_PERSONS": {
      "zh": "DISTINCT_PERSONS",
      "en": "DISTINCT_PERSONS"
    },
    "SAME_PERSON": {
      "zh": "SAME_PERSON",
      "en": "SAME_PERSON"
    }
  },
  "EnrollmentKind": {
    "CONTINUING": {
      "zh": "继续享受",
      "en": "Continuing"
    },
    "EXITED": {
      "zh": "退出",
      "en": "Exit"
    },
    "NEW": {
      "zh": "新增",
      "en": "New entrant"
    }
  },
  "EnrollmentStatus": {
    "APPROVED": {
      "zh": "县级已审批，待公示",
      "en": "Approved, awaiting public notice"
    },
    "CONFIRMED": {
      "zh": "公示无异议，已确认",
      "en": "Confirmed after the notice"
    },
    "IN_NOTICE": {
      "zh": "公示中",
      "en": "On public notice"
    },
    "REJECTED": {
      "zh": "已退回或异议成立",
      "en": "Sent back, or struck off by an upheld objection"
    },
    "REVIEWED": {
      "zh": "乡镇已审核，待县级审批",
      "en": "Reviewed, awaiting county approval"
    },
    "SUBMITTED": {
      "zh": "村级已申报，待乡镇审核",
      "en": "Submitted, awaiting township review"
    }
  },
  "EvaluationSortField": {
    "CREATED": {
      "zh": "CREATED",
      "en": "CREATED"
    },
    "EVALUATED_ON": {
      "zh": "EVALUATED_ON",
      "en": "EVALUATED_ON"
    }
  },
  "EvidenceKind": {
    "ANNUAL_CONFIRMATION": {
      "zh": "年度资格确认表",
      "en": "annual eligibility confirmation"
    },
    "BIRTH_RECORD": {
      "zh": "生育情况证明",
      "en": "record of births"
    },
    "DEATH_CERTIFICATE": {
      "zh": "死亡证明",
      "en": "death certificate"
    },
    "DISABILITY_CERTIFICATE": {
      "zh": "残疾人证（三级以上）",
      "en": "disability certificate (grade 3 or above)"
    },
    "HARDSHIP_CERTIFICATION": {
      "zh": "困难情况证明",
      "en": "certification of hardship"
    },
    "HOUSEHOLD_REGISTER": {
      "zh": "户口簿",
      "en": "household register"
    },
    "MARRIAGE_CERTIFICATE": {
      "zh": "结婚证",
      "en": "marriage certificate"
    },
    "ONLY_CHILD_CERTIFICATE": {
      "zh": "独生子女父母光荣证",
      "en": "only-child parents' certificate"
    },
    "RESIDENT_ID_CARD": {
      "zh": "居民身份证",
      "en": "resident ID card"
    },
    "SCHOOL_ENROLLMENT": {
      "zh": "入学通知书或在读证明",
      "en": "admission letter or proof of study"
    },
    "VILLAGE_CERTIFICATION": {
      "zh": "村（居）委会证明",
      "en": "village committee's certification"
    }
  },
  "ExitReason": {
    "DEATH": {
      "zh": "死亡",
      "en": "Death"
    },
    "INELIGIBLE": {
      "zh": "不再符合条件",
      "en": "No longer eligible"
    },
    "MOVED": {
      "zh": "迁出",
      "en": "Moved away"
    }
  },
  "FundingTier": {
    "COUNTY": {
      "zh": "县级",
      "en": "County"
    },
    "NATIONAL": {
      "zh": "中央",
      "en": "National"
    },
    "PROVINCIAL": {
      "zh": "省级",
      "en": "Provincial"
    },
    "TOWNSHIP": {
      "zh": "乡镇",
      "en": "Township"
    }
  },
  "HouseholdRelation": {
    "CHILD": {
      "zh": "CHILD",
      "en": "CHILD"
    },
    "GRANDCHILD": {
      "zh": "GRANDCHILD",
      "en": "GRANDCHILD"
    },
    "HEAD": {
      "zh": "HEAD",
      "en": "HEAD"
    },
    "OTHER": {
      "zh": "OTHER",
      "en": "OTHER"
    },
    "PARENT": {
      "zh": "PARENT",
      "en": "PARENT"
    },
    "SPOUSE": {
      "zh": "SPOUSE",
      "en": "SPOUSE"
    }
  },
  "HouseholdSortField": {
    "CODE": {
      "zh": "CODE",
      "en": "CODE"
    },
    "CREATED": {
      "zh": "CREATED",
      "en": "CREATED"
    }
  },
  "ImportFormat": {
    "CSV": {
      "zh": "CSV",
      "en": "CSV"
    },
    "XLSX": {
      "zh": "XLSX",
      "en": "XLSX"
    }
  },
  "ImportKind": {
    "ACTIVITIES": {
      "zh": "活动",
      "en": "Activities"
    },
    "MEMBERS": {
      "zh": "会员",
      "en": "Members"
    },
    "PERSONS": {
      "zh": "人员和户",
      "en": "Persons and households"
    }
  },
  "ImportStatus": {
    "COMMITTED": {
      "zh": "已导入",
      "en": "Imported"
    },
    "COMMITTING": {
      "zh": "导入中",
      "en": "Being written"
    },
    "FAILED": {
      "zh": "内部错误，未导入",
      "en": "Internal failure; nothing imported"
    },
    "INVALID": {
      "zh": "有错误，未导入",
      "en": "Has errors; nothing imported"
    },
    "UPLOADED": {
      "zh": "已上传",
      "en": "Uploaded"
    },
    "VALID": {
      "zh": "检查通过，待确认",
      "en": "Checked, waiting to be committed"
    },
    "VALIDATING": {
      "zh": "检查中",
      "en": "Being checked"
    }
  },
  "MemberHomeFacility": {
    "EQUIPMENT": {
      "zh": "有设施设备",
      "en": "Equipment"
    },
    "PLAN_AND_RECORDS": {
      "zh": "有计划和记录",
      "en": "Plans and records"
    },
    "RULES": {
      "zh": "有制度",
      "en": "Rules"
    },
    "VENUE": {
      "zh": "有场所",
      "en": "A venue"
    },
    "VOLUNTEER_TEAM": {
      "zh": "有志愿者队伍",
      "en": "A volunteer team"
    }
  },
  "MemberRole": {
    "DIRECTOR": {
      "zh": "理事",
      "en": "Director"
    },
    "FULL_TIME_VICE_PRESIDENT": {
      "zh": "专职副会长",
      "en": "Full-time vice president"
    },
    "GROUP_LEADER": {
      "zh": "小组长",
      "en": "Group leader"
    },
    "MEMBER": {
      "zh": "会员",
      "en": "Member"
    },
    "PRESIDENT": {
      "zh": "会长",
      "en": "President"
    },
    "SECRETARY_GENERAL": {
      "zh": "秘书长",
      "en": "Secretary-general"
    },
    "STANDING_DIRECTOR": {
      "zh": "常务理事",
      "en": "Standing director"
    },
    "VICE_PRESIDENT": {
      "zh": "副会长",
      "en": "Vice president"
    }
  },
  "MemberSortField": {
    "CARD_NUMBER": {
      "zh": "CARD_NUMBER",
      "en": "CARD_NUMBER"
    },
    "JOINED_ON": {
      "zh": "JOINED_ON",
      "en": "JOINED_ON"
    },
    "NAME": {
      "zh": "NAME",
      "en": "NAME"
    }
  },
  "NoticeDayKind": {
    "CALENDAR": {
      "zh": "自然日",
      "en": "Calendar days"
    },
    "WORKING": {
      "zh": "工作日（跳过法定节假日，计入调休上班日）/ Working days (public holidays skipped, swapped workdays counted)",
      "en": "工作日（跳过法定节假日，计入调休上班日）/ Working days (public holidays skipped, swapped workdays counted)"
    }
  },
  "NoticeStatus": {
    "CLOSED": {
      "zh": "公示期已过，待确认",
      "en": "Period over, awaiting confirmation"
    },
    "CONFIRMED": {
      "zh": "名单已确认",
      "en": "Roll confirmed"
    },
    "OPEN": {
      "zh": "公示中（或尚未开始）/ Running (or not yet begun)",
      "en": "公示中（或尚未开始）/ Running (or not yet begun)"
    }
  },
  "ObjectionChannel": {
    "LETTER": {
      "zh": "信函",
      "en": "Letter"
    },
    "ONLINE": {
      "zh": "网上",
      "en": "Online"
    },
    "PHONE": {
      "zh": "电话",
      "en": "Phone"
    },
    "VISIT": {
      "zh": "来访",
      "en": "In person"
    }
  },
  "ObjectionOutcome": {
    "DISMISSED": {
      "zh": "不成立",
      "en": "Dismissed"
    },
    "UPHELD": {
      "zh": "成立",
      "en": "Upheld"
    }
  },
  "ObjectionStatus": {
    "DISMISSED": {
      "zh": "异议不成立",
      "en": "Dismissed"
    },
    "OPEN": {
      "zh": "待处理",
      "en": "Open"
    },
    "UPHELD": {
      "zh": "异议成立，确认时从名单中删除",
      "en": "Upheld: struck off when the roll is confirmed"
    }
  },
  "PageKind": {
    "CHART": {
      "zh": "CHART",
      "en": "CHART"
    },
    "NOTICE_LIST": {
      "zh": "NOTICE_LIST",
      "en": "NOTICE_LIST"
    },
    "RECIPIENT_LIST": {
      "zh": "RECIPIENT_LIST",
      "en": "RECIPIENT_LIST"
    },
    "TOTALS_TABLE": {
      "zh": "TOTALS_TABLE",
      "en": "TOTALS_TABLE"
    }
  },
  "PayeeProxyStatus": {
    "APPROVED": {
      "zh": "已批准",
      "en": "Approved"
    },
    "PENDING": {
      "zh": "待审核",
      "en": "Waiting for a second admin"
    },
    "REVOKED": {
      "zh": "已撤销",
      "en": "Revoked"
    }
  },
  "PaymentEntry": {
    "PAYMENT": {
      "zh": "发放",
      "en": "Payment of the confirmed roll"
    },
    "REISSUE": {
      "zh": "补发（替代失败、退回或冲正的付款）/ Reissue of a failed, returned or reversed payment",
      "en": "补发（替代失败、退回或冲正的付款）/ Reissue of a failed, returned or reversed payment"
    },
    "REVERSAL": {
      "zh": "冲正（负数，撤销已支付的付款）/ Reversal (negative) of a paid payment",
      "en": "冲正（负数，撤销已支付的付款）/ Reversal (negative) of a paid payment"
    }
  },
  "PaymentPeriod": {
    "MONTH": {
      "zh": "月",
      "en": "A month"
    },
    "YEAR": {
      "zh": "年",
      "en": "A year"
    }
  },
  "PaymentStatus": {
    "BOOKED": {
      "zh": "已入账（冲正记录）/ Booked (a reversal entry)",
      "en": "已入账（冲正记录）/ Booked (a reversal entry)"
    },
    "EXPORTED": {
      "zh": "已交银行",
      "en": "Sent to the bank"
    },
    "FAILED": {
      "zh": "失败",
      "en": "Failed"
    },
    "PAID": {
      "zh": "已支付",
      "en": "Paid"
    },
    "PLANNED": {
      "zh": "待导出",
      "en": "Planned"
    },
    "RETURNED": {
      "zh": "退回",
      "en": "Returned"
    },
    "REVERSED": {
      "zh": "已冲正",
      "en": "Paid, then reversed"
    }
  },
  "PersonSortField": {
    "BIRTH_DATE": {
      "zh": "BIRTH_DATE",
      "en": "BIRTH_DATE"
    },
    "CREATED": {
      "zh": "CREATED",
      "en": "CREATED"
    },
    "NAME": {
      "zh": "NAME",
      "en": "NAME"
    }
  },
  "PlanningStatus": {
    "NONE": {
      "zh": "无",
      "en": "None"
    },
    "ONLY_CHILD": {
      "zh": "独生子女户",
      "en": "Only-child household"
    },
    "TWO_DAUGHTERS": {
      "zh": "双女户",
      "en": "Two-daughter household"
    }
  },
  "PolicyCategory": {
    "ASSISTANCE": {
      "zh": "ASSISTANCE",
      "en": "ASSISTANCE"
    },
    "ASSOCIATION_WORK": {
      "zh": "ASSOCIATION_WORK",
      "en": "ASSOCIATION_WORK"
    },
    "HEALTH_SERVICE": {
      "zh": "HEALTH_SERVICE",
      "en": "HEALTH_SERVICE"
    },
    "NOTICE": {
      "zh": "NOTICE",
      "en": "NOTICE"
    },
    "PUBLICITY": {
      "zh": "PUBLICITY",
      "en": "PUBLICITY"
    }
  },
  "PolicySortField": {
    "ISSUE_DATE": {
      "zh": "ISSUE_DATE",
      "en": "ISSUE_DATE"
    },
    "TITLE": {
      "zh": "TITLE",
      "en": "TITLE"
    },
    "UPDATED_AT": {
      "zh": "UPDATED_AT",
      "en": "UPDATED_AT"
    }
  },
  "PolicyStatus": {
    "DRAFT": {
      "zh": "DRAFT",
      "en": "DRAFT"
    },
    "PUBLISHED": {
      "zh": "PUBLISHED",
      "en": "PUBLISHED"
    },
    "WITHDRAWN": {
      "zh": "WITHDRAWN",
      "en": "WITHDRAWN"
    }
  },
  "ProgramKind": {
    "CARE_PAYMENT": {
      "zh": "关怀抚慰金",
      "en": "Care and comfort payment"
    },
    "EMERGENCY_AID": {
      "zh": "救助金",
      "en": "Emergency aid"
    },
    "ONLY_CHILD_PARENT_REWARD": {
      "zh": "独生子女父母奖励",
      "en": "Only-child parents' reward"
    },
    "REWARD_ASSISTANCE": {
      "zh": "农村部分计划生育家庭奖励扶助",
      "en": "Rural family-planning reward assistance"
    },
    "SPECIAL_ASSISTANCE": {
      "zh": "计划生育家庭特别扶助（独生子女死亡或伤残）",
      "en": "Special assistance (only child died or disabled)"
    },
    "STUDY_GRANT": {
      "zh": "助学金",
      "en": "Study grant"
    }
  },
  "ProjectKind": {
    "BIRTH_CARE": {
      "zh": "生育关怀",
      "en": "Birth care"
    },
    "FEWER_BIRTHS_FASTER_PROSPERITY": {
      "zh": "少生快富",
      "en": "Fewer births, faster prosperity"
    },
    "HAPPINESS_PROJECT": {
      "zh": "幸福工程",
      "en": "Happiness Project"
    },
    "THREE_COMBINATIONS": {
      "zh": "计生三结合",
      "en": "The \"three combinations\" aid"
    },
    "YOUTH_HEALTH": {
      "zh": "青春健康",
      "en": "Youth health"
    }
  },
  "ProjectSortField": {
    "CREATED": {
      "zh": "CREATED",
      "en": "CREATED"
    },
    "NAME": {
      "zh": "NAME",
      "en": "NAME"
    },
    "START_ON": {
      "zh": "START_ON",
      "en": "START_ON"
    }
  },
  "RegionLevel": {
    "COUNTY": {
      "zh": "COUNTY",
      "en": "COUNTY"
    },
    "GROUP": {
      "zh": "GROUP",
      "en": "GROUP"
    },
    "TOWNSHIP": {
      "zh": "TOWNSHIP",
      "en": "TOWNSHIP"
    },
    "VILLAGE": {
      "zh": "VILLAGE",
      "en": "VILLAGE"
    }
  },
  "Role": {
    "AUDITOR": {
      "zh": "AUDITOR",
      "en": "AUDITOR"
    },
    "COUNTY_ADMIN": {
      "zh": "COUNTY_ADMIN",
      "en": "COUNTY_ADMIN"
    },
    "TOWNSHIP_ADMIN": {
      "zh": "TOWNSHIP_ADMIN",
      "en": "TOWNSHIP_ADMIN"
    },
    "VILLAGE_CLERK": {
      "zh": "VILLAGE_CLERK",
      "en": "VILLAGE_CLERK"
    }
  },
  "SensitiveHouseholdStatus": {
    "ONLY_CHILD_DIED": {
      "zh": "失独家庭",
      "en": "Only child died"
    },
    "ONLY_CHILD_DISABLED": {
      "zh": "独生子女伤残家庭",
      "en": "Only child disabled"
    }
  },
  "Sex": {
    "FEMALE": {
      "zh": "FEMALE",
      "en": "FEMALE"
    },
    "MALE": {
      "zh": "MALE",
      "en": "MALE"
    }
  },
  "SortDirection": {
    "ASC": {
      "zh": "ASC",
      "en": "ASC"
    },
    "DESC": {
      "zh": "DESC",
      "en": "DESC"
    }
  },
  "VariantFact": {
    "REGION_KIND": {
      "zh": "城镇或农村（URBAN",
      "en": "RURAL）/ Urban or rural"
    },
    "SENSITIVE_STATUS": {
      "zh": "死亡或伤残（DIED",
      "en": "DISABLED）/ Only child died or disabled"
    }
  },
  "VillageKind": {
    "COMMUNITY": {
      "zh": "社区（城镇）/ Community (urban)",
      "en": "社区（城镇）/ Community (urban)"
    },
    "VILLAGE": {
      "zh": "村（农村）/ Village (rural)",
      "en": "村（农村）/ Village (rural)"
    }
  }
} as const;
